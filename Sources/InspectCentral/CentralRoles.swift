/// The roles the center's schema grants to. Role names are the cluster's, not one database's: one cluster holds one
/// center.
public enum CentralRoles {
    /// The group every site's login belongs to: INSERT (and SELECT) on the fact tables, narrowed by row-level
    /// security to the rows of the login's own site. No UPDATE, no DELETE.
    public static let sites = "inspectd_sites"
    /// The read-only role for reports: SELECT on the views in the `reporting` schema, nothing else. Grant it to a
    /// person's login (`GRANT inspectd_reporting TO alice`).
    public static let reporting = "inspectd_reporting"
    /// The prefix of a site's login: `inspectd_site_` and the site's name.
    public static let sitePrefix = "inspectd_site_"
}
