/**
 * What the commands open: a content folder, the site built from it, and the prebuilt match index
 * in that site when it is current ({@link dev.errata.workspace.Workspace}).
 */
package dev.errata.workspace;
