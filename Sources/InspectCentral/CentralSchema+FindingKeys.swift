/// Migration 8: a finding's keys to its inspection and to the finding it corrects are checked once per batch.
///
/// Until version 7 PostgreSQL checked both keys row by row at commit, and that check took most of the commit's time
/// (`scripts/bench --only uplink`: 1.3 s of COMMIT for 200,000 findings, 0.2 s without it). The keys are dropped;
/// a trigger run once per statement that adds findings checks them over all its rows at once: each distinct
/// inspection the rows name, and each finding they correct, must be the same site's at the center, or the statement
/// fails with the keys' own SQLSTATE (`foreign_key_violation`). The check runs when the statement ends, where the keys
/// waited for the commit, so a batch adds its inspections before its findings (`Uplink` sends the findings last).
/// Kept-apart findings are not checked: `center.divergent_finding` never had keys.
///
/// An administrator may now delete an inspection or a finding that findings name, which the keys refused; nothing in
/// inspectd deletes at the center, and a site can only add.
extension CentralSchema {
    static let findingKeys = [
        """
        DO $$
        DECLARE c record;
        BEGIN
            FOR c IN SELECT conname FROM pg_constraint
                WHERE conrelid = 'center.finding'::regclass AND contype = 'f'
                    AND confrelid IN ('center.inspection'::regclass, 'center.finding'::regclass)
            LOOP
                EXECUTE format('ALTER TABLE center.finding DROP CONSTRAINT %I', c.conname);
            END LOOP;
        END $$
        """,
        """
        CREATE FUNCTION center.finding_keys() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
        AS $$
        DECLARE why text;
        BEGIN
            SELECT format('finding %s of site %s names inspection %s, which the center does not hold',
                a.row_id, a.site, a.inspection_row_id)
            INTO why
            FROM (
                SELECT n.site, n.inspection_row_id, min(n.row_id) AS row_id FROM added n
                GROUP BY n.site, n.inspection_row_id
            ) a
            WHERE NOT EXISTS (
                SELECT 1 FROM center.inspection i WHERE i.site = a.site AND i.row_id = a.inspection_row_id)
            LIMIT 1;
            IF why IS NULL THEN
                SELECT format('finding %s of site %s corrects finding %s, which the center does not hold',
                    a.row_id, a.site, a.corrects_row_id)
                INTO why
                FROM added a
                WHERE a.corrects_row_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM center.finding f WHERE f.site = a.site AND f.row_id = a.corrects_row_id)
                LIMIT 1;
            END IF;
            IF why IS NOT NULL THEN
                RAISE EXCEPTION '%', why USING ERRCODE = 'foreign_key_violation';
            END IF;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE TRIGGER finding_keys AFTER INSERT ON center.finding
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION center.finding_keys()
        """,
    ]
}
