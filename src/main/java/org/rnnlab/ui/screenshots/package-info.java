/**
 * The {@code screenshots} command's renderer: the window, each view, compare mode and presenter
 * mode to PNG on Monocle's headless platform. Above {@code ui.shell} and {@code ui.compare},
 * which it drives as a person would.
 */
package org.rnnlab.ui.screenshots;
