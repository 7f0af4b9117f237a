package org.rnnlab.engine;

/** The three recurrent cells the simulator teaches. */
public enum CellKind {
    /** Elman's simple recurrent network: h' = φ(W_ih x + b_ih + W_hh h + b_hh). */
    RNN,
    /** Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000 by default. */
    LSTM,
    /** Cho et al. 2014 gated recurrent unit. */
    GRU;

    /** Parses "rnn", "lstm", "gru" (any case); the message lists the valid names. */
    public static CellKind parse(String name) {
        for (CellKind k : values()) {
            if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("cell '" + name + "' is not one of rnn, lstm, gru");
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
