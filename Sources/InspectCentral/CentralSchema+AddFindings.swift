/// Migration 7: a site adds its findings a batch at a time, through `center.add_findings`.
///
/// Migration 3 checked each finding on arrival with a trigger, and PostgreSQL checked each one's site against
/// `center.site`: work per row that made the uplink's ingest several times slower than a COPY of the same rows
/// (`scripts/bench --only uplink`). Now a site may no longer insert into `center.finding` itself. It calls
/// `center.add_findings` with a batch, a text array per column in `CentralFacts.findingTable`'s order; the function
/// runs with its owner's rights, names the calling login's site itself (so no check of the site per row is needed,
/// and none is made), and checks the batch's chain in one query, in the batch's order, as the trigger did row by row:
/// a finding continues the site's newest (its `prev_hash` is that one's hash, its id is past it). The findings before
/// the first that does not go to `center.finding`; that one and every later one go to `center.divergent_finding`, and
/// the site is flagged, with a `RAISE WARNING` in the server's log. A site with a divergent finding has every later
/// one kept apart. An advisory lock per site makes two batches of one site take turns, so both cannot continue the
/// same finding. The keys to the inspection and to the corrected finding are still checked, at commit (version 8
/// checks them once per batch: `CentralSchema.findingKeys`).
///
/// The functions that run with their owner's rights search the temporary schema last (`pg_temp` named after
/// `pg_catalog`). Left out, PostgreSQL searches it first for tables and types, and a site could create there a type
/// named like one they use (a domain over `text`, checked by a function of its own), which they would then run with
/// the owner's rights. The trigger of version 3 was open to that through its variables' types; this version drops it,
/// and sets the same search path for `center.current_site()`, which names no type but should not depend on it.
extension CentralSchema {
    static let addFindings = [
        "DROP TRIGGER finding_continues_chain ON center.finding",
        "DROP FUNCTION center.finding_continues_chain()",
        """
        DO $$
        DECLARE c record;
        BEGIN
            SELECT conname INTO c FROM pg_constraint
            WHERE conrelid = 'center.finding'::regclass AND contype = 'f' AND confrelid = 'center.site'::regclass;
            EXECUTE format('ALTER TABLE center.finding DROP CONSTRAINT %I', c.conname);
        END $$
        """,
        "REVOKE INSERT ON center.finding FROM \(CentralRoles.sites)",
        """
        CREATE FUNCTION center.add_findings(\(Array(repeating: "text[]", count: 16).joined(separator: ", ")))
        RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
        AS $$
        DECLARE
            me text := center.current_site();
            batch center.finding[];
            head_id bigint;
            head_hash text;
            first_apart bigint;
            why text;
        BEGIN
            IF me IS NULL THEN
                RAISE EXCEPTION 'only a site adds findings' USING ERRCODE = 'insufficient_privilege';
            END IF;
            PERFORM pg_advisory_xact_lock(hashtextextended('center.add_findings ' || me, 0));
            batch := ARRAY(
                SELECT ROW(me, now(), r.row_id::bigint, r.inspection_row_id::bigint, r.violation, r.staff_badge,
                    to_timestamp(r.observed_at::bigint), r.clock_time, r.minutes::integer, r.note, r.recorded_by,
                    to_timestamp(r.recorded_at::bigint), r.action, r.corrects_row_id::bigint, r.reason,
                    to_timestamp(r.corrected_at::bigint), r.prev_hash, r.hash)::center.finding
                FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) WITH ORDINALITY
                    AS r(row_id, inspection_row_id, violation, staff_badge, observed_at, clock_time, minutes, note,
                        recorded_by, recorded_at, action, corrects_row_id, reason, corrected_at, prev_hash, hash, place)
                ORDER BY r.place);
            SELECT f.row_id, f.hash INTO head_id, head_hash FROM center.finding f
            WHERE f.site = me ORDER BY f.row_id DESC LIMIT 1;
            IF EXISTS (SELECT 1 FROM center.divergent_finding d WHERE d.site = me) THEN
                first_apart := 1;
                why := 'an earlier finding of this site diverged';
            ELSE
                SELECT c.ordinality,
                    CASE WHEN c.row_id <= c.before_id
                    THEN format('finding %s arrived after finding %s: the record was cut or restored from a backup',
                        c.row_id, c.before_id)
                    ELSE format('finding %s does not continue finding %s: the record was rewritten',
                        c.row_id, c.before_id)
                    END
                INTO first_apart, why
                FROM (
                    SELECT b.ordinality, b.row_id, b.prev_hash,
                        lag(b.row_id, 1, head_id) OVER (ORDER BY b.ordinality) AS before_id,
                        lag(b.hash, 1, head_hash) OVER (ORDER BY b.ordinality) AS before_hash
                    FROM unnest(batch) WITH ORDINALITY AS b
                ) c
                WHERE c.row_id <= c.before_id OR c.prev_hash <> c.before_hash
                ORDER BY c.ordinality LIMIT 1;
            END IF;
            INSERT INTO center.finding SELECT * FROM unnest(batch[:coalesce(first_apart - 1, cardinality(batch))]);
            IF first_apart IS NOT NULL THEN
                INSERT INTO center.divergent_finding SELECT * FROM unnest(batch[first_apart:]);
                IF NOT EXISTS (SELECT 1 FROM center.site_flag WHERE site = me) THEN
                    INSERT INTO center.site_flag (site, reason) VALUES (me, why);
                    RAISE WARNING 'inspectd site % diverged: %', me, why;
                END IF;
            END IF;
        END
        $$
        """,
        "ALTER FUNCTION center.current_site() SET search_path = pg_catalog, pg_temp",
        "REVOKE EXECUTE ON FUNCTION center.add_findings FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION center.add_findings TO \(CentralRoles.sites)",
    ]
}
