/**
 * The controls the window and compare mode share: the transport ({@link
 * org.rnnlab.ui.controls.TransportControls}) and "train N iterations" ({@link
 * org.rnnlab.ui.controls.TrainControls}) over a {@link org.rnnlab.ui.controls.Transport} that both
 * implement, and the toolbar icons, buttons and phase colours. Each mode lays them out in its own
 * bar; nothing here knows which mode it drives (ArchitectureTest).
 */
package org.rnnlab.ui.controls;
