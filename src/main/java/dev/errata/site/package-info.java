/**
 * Orchestrates a build: the only package that knows every stage. It writes the rendered pages
 * into a temporary folder and swaps it in whole, so a failed build never damages the previous
 * site.
 */
package dev.errata.site;
