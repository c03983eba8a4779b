/**
 * Version ordering and range membership. Ordering is delegated to Maven's {@code
 * ComparableVersion} (see {@link dev.errata.version.Version} for why); this package adds the
 * range syntax entries use and the emptiness test that {@code errata check} needs.
 */
package dev.errata.version;
