package org.rnnlab.io;

import java.util.Locale;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;

/**
 * The cell names of the reference file formats: {@code cell} is rnn_tanh, rnn_relu, lstm,
 * lstm_no_forget or gru; {@code convention} is pytorch or cho_2014 (GRU only).
 */
public final class CellNames {
    private CellNames() {}

    /** The config (with placeholder sizes 1 × 1) for a cell name and convention. */
    public static CellConfig parse(String file, String cell, String convention) throws FormatException {
        String c = cell.toLowerCase(Locale.ROOT);
        String conv = convention == null ? "pytorch" : convention.toLowerCase(Locale.ROOT);
        CellConfig cfg = switch (c) {
            case "rnn_tanh", "rnn" -> CellConfig.of(CellKind.RNN, 1, 1);
            case "rnn_relu" -> CellConfig.of(CellKind.RNN, 1, 1).withRnnActivation(Nonlinearity.RELU);
            case "lstm" -> CellConfig.of(CellKind.LSTM, 1, 1);
            case "lstm_no_forget" -> CellConfig.of(CellKind.LSTM, 1, 1).withForgetGate(false);
            case "gru" -> CellConfig.of(CellKind.GRU, 1, 1);
            default -> throw new FormatException(file, "cell", "'" + JsonArrays.abbreviate(cell)
                    + "' is not one of rnn_tanh, rnn_relu, lstm, lstm_no_forget, gru");
        };
        switch (conv) {
            case "pytorch" -> { }
            case "cho", "cho2014", "cho_2014" -> {
                if (cfg.kind() != CellKind.GRU) {
                    throw new FormatException(file, "convention", "'" + convention + "' applies to gru only, cell is " + cell);
                }
                cfg = cfg.withGruVariant(GruVariant.CHO_2014);
            }
            default -> throw new FormatException(file, "convention", "'" + JsonArrays.abbreviate(convention)
                    + "' is not one of pytorch, cho_2014");
        }
        return cfg;
    }

    /** The {@code cell} field for a config. */
    public static String cellName(CellConfig c) {
        return switch (c.kind()) {
            case RNN -> c.rnnActivation() == Nonlinearity.RELU ? "rnn_relu" : "rnn_tanh";
            case LSTM -> c.forgetGate() ? "lstm" : "lstm_no_forget";
            case GRU -> "gru";
        };
    }

    /** The {@code convention} field for a config. */
    public static String convention(CellConfig c) {
        return c.kind() == CellKind.GRU && c.gruVariant() == GruVariant.CHO_2014 ? "cho_2014" : "pytorch";
    }
}
