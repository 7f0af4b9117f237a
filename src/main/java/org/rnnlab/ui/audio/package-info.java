/**
 * Sound output for the speech task's recordings: an {@link org.rnnlab.ui.audio.AudioSink} (the
 * sound device through javax.sound.sampled, or a test's fake) and the
 * {@link org.rnnlab.ui.audio.RecordingPlayer} that plays on its own thread. No JavaFX here.
 */
package org.rnnlab.ui.audio;
