/**
 * What the build writes for machines rather than people: {@code api/entries.json} and the search
 * index the browser reads. These files are a contract with other tools and with the site's
 * JavaScript; their shapes are documented in {@code docs/} and pinned by golden tests.
 */
package dev.errata.index;
