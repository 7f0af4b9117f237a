package org.rnnlab.engine;

import java.util.List;

/**
 * What a recurrent cell is: its kind, sizes and the textbook variant.
 *
 * <p>Weight layout follows PyTorch: {@code weight_ih} is [G·H × X], {@code weight_hh} is
 * [G·H × H], two bias vectors of G·H, gate blocks stacked in the order of {@link #gates()}:
 * RNN {@code [h]}, LSTM {@code [i, f, g, o]} (or {@code [i, g, o]} without a forget gate),
 * GRU {@code [r, z, n]}.
 *
 * @param kind          RNN, LSTM or GRU
 * @param inputSize     X, at least 1
 * @param hiddenSize    H, at least 1
 * @param rnnActivation tanh or ReLU (RNN only; ReLU for identity-initialised IRNN demos)
 * @param forgetGate    LSTM only: false gives the 1997 cell, f ≡ 1
 * @param gruVariant    GRU only: where the reset gate acts
 * @param activation    the candidate's activation (LSTM g and tanh(c), GRU n, the RNN's h);
 *                      null gives the standard one (tanh; the RNN's {@code rnnActivation})
 * @param recurrentActivation the gates' activation (LSTM i, f, o; GRU r, z); null gives σ
 */
public record CellConfig(CellKind kind, int inputSize, int hiddenSize, Nonlinearity rnnActivation,
                         boolean forgetGate, GruVariant gruVariant, Activation activation,
                         Activation recurrentActivation) {

    /** The standard activations: tanh (or the RNN's ReLU) and σ. */
    public CellConfig(CellKind kind, int inputSize, int hiddenSize, Nonlinearity rnnActivation,
                      boolean forgetGate, GruVariant gruVariant) {
        this(kind, inputSize, hiddenSize, rnnActivation, forgetGate, gruVariant, null, null);
    }

    public CellConfig {
        if (activation == null) {
            activation = kind == CellKind.RNN && rnnActivation == Nonlinearity.RELU ? Activation.RELU : Activation.TANH;
        }
        if (recurrentActivation == null) {
            recurrentActivation = Activation.SIGMOID;
        }
        if (kind == CellKind.RNN && (activation == Activation.TANH || activation == Activation.RELU)) {
            rnnActivation = activation == Activation.RELU ? Nonlinearity.RELU : Nonlinearity.TANH;
        }
        if (kind == null) {
            throw new IllegalArgumentException("cell kind must be given");
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be at least 1, was " + inputSize);
        }
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hidden size must be at least 1, was " + hiddenSize);
        }
        if (rnnActivation != Nonlinearity.TANH && rnnActivation != Nonlinearity.RELU) {
            throw new IllegalArgumentException("RNN activation must be tanh or ReLU, was " + rnnActivation);
        }
        if (gruVariant == null) {
            throw new IllegalArgumentException("GRU variant must be given");
        }
    }

    public static CellConfig of(CellKind kind, int inputSize, int hiddenSize) {
        return new CellConfig(kind, inputSize, hiddenSize, Nonlinearity.TANH, true, GruVariant.PYTORCH);
    }

    public static CellConfig rnn(int inputSize, int hiddenSize) {
        return of(CellKind.RNN, inputSize, hiddenSize);
    }

    public static CellConfig lstm(int inputSize, int hiddenSize) {
        return of(CellKind.LSTM, inputSize, hiddenSize);
    }

    public static CellConfig gru(int inputSize, int hiddenSize) {
        return of(CellKind.GRU, inputSize, hiddenSize);
    }

    public CellConfig withRnnActivation(Nonlinearity a) {
        return new CellConfig(kind, inputSize, hiddenSize, a, forgetGate, gruVariant,
                kind == CellKind.RNN ? null : activation, recurrentActivation);
    }

    public CellConfig withForgetGate(boolean f) {
        return new CellConfig(kind, inputSize, hiddenSize, rnnActivation, f, gruVariant, activation, recurrentActivation);
    }

    public CellConfig withGruVariant(GruVariant v) {
        return new CellConfig(kind, inputSize, hiddenSize, rnnActivation, forgetGate, v, activation, recurrentActivation);
    }

    public CellConfig withSizes(int x, int h) {
        return new CellConfig(kind, x, h, rnnActivation, forgetGate, gruVariant, activation, recurrentActivation);
    }

    /** The same cell with these activations (Keras's {@code activation}, {@code recurrent_activation}). */
    public CellConfig withActivations(Activation candidate, Activation gates) {
        if (candidate == null || gates == null) {
            throw new IllegalArgumentException("activations must be given");
        }
        return new CellConfig(kind, inputSize, hiddenSize, rnnActivation, forgetGate, gruVariant, candidate, gates);
    }

    /**
     * True when the activations are the standard ones (tanh, or the RNN's tanh or ReLU, and σ):
     * the kernels' fused SIMD backward passes apply only then.
     */
    public boolean standardActivations() {
        return recurrentActivation == Activation.SIGMOID && (activation == Activation.TANH
                || kind == CellKind.RNN && activation == Activation.RELU);
    }

    /** True for an LSTM, which carries a cell state c beside h. */
    public boolean hasCellState() {
        return kind == CellKind.LSTM;
    }

    /** G, the number of stacked gate blocks. */
    public int gateCount() {
        return gates().size();
    }

    /** Trainable parameters: G·H·(X + H) weights and 2·G·H biases. */
    public int parameterCount() {
        int gh = gateCount() * hiddenSize;
        return gh * (inputSize + hiddenSize) + 2 * gh;
    }

    /** Index of the named gate block, or −1. */
    public int gateIndex(String name) {
        List<GateSpec> g = gates();
        for (int i = 0; i < g.size(); i++) {
            if (g.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A short label such as "LSTM", "LSTM (no forget gate)", "GRU (Cho 2014)", "RNN (ReLU)". */
    public String label() {
        String base = switch (kind) {
            case RNN -> rnnActivation == Nonlinearity.RELU ? "RNN (ReLU)" : "RNN";
            case LSTM -> forgetGate ? "LSTM" : "LSTM (no forget gate)";
            case GRU -> gruVariant == GruVariant.CHO_2014 ? "GRU (Cho 2014)" : "GRU";
        };
        if (standardActivations()) {
            return base;
        }
        return kind == CellKind.RNN ? "RNN (" + activation.kerasName() + ")"
                : base + " (" + activation.kerasName() + ", " + recurrentActivation.kerasName() + ")";
    }

    /** The gate blocks in weight-layout order, with their equations. */
    public List<GateSpec> gates() {
        List<GateSpec> g = switch (kind) {
            case RNN -> List.of(new GateSpec("h", "hidden state", rnnActivation,
                    "h_t = " + activation.symbol() + "(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)"));
            case LSTM -> forgetGate
                    ? List.of(LSTM_I, LSTM_F, LSTM_G, LSTM_O)
                    : List.of(LSTM_I, LSTM_G, LSTM_O);
            case GRU -> gruVariant == GruVariant.PYTORCH
                    ? List.of(GRU_R, GRU_Z, GRU_N_PYTORCH)
                    : List.of(GRU_R, GRU_Z, GRU_N_CHO);
        };
        if (kind == CellKind.RNN || standardActivations()) {
            return g;
        }
        return g.stream().map(s -> new GateSpec(s.name(), s.title(), s.nonlinearity(), s.equation()
                .replace("= σ(", "= " + recurrentActivation.symbol() + "(")
                .replace("= tanh(", "= " + activation.symbol() + "("))).toList();
    }

    /** The state equations that follow the gates (c_t and h_t for LSTM, h_t for GRU). */
    public List<String> stateEquations() {
        return switch (kind) {
            case RNN -> List.of();
            case LSTM -> forgetGate
                    ? List.of("c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t", "h_t = o_t ⊙ " + activation.symbol() + "(c_t)")
                    : List.of("c_t = c_{t−1} + i_t ⊙ g_t", "h_t = o_t ⊙ " + activation.symbol() + "(c_t)");
            case GRU -> List.of("h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}");
        };
    }

    private static final GateSpec LSTM_I = new GateSpec("i", "input gate", Nonlinearity.SIGMOID,
            "i_t = σ(W_ii x_t + b_ii + W_hi h_{t−1} + b_hi)");
    private static final GateSpec LSTM_F = new GateSpec("f", "forget gate", Nonlinearity.SIGMOID,
            "f_t = σ(W_if x_t + b_if + W_hf h_{t−1} + b_hf)");
    private static final GateSpec LSTM_G = new GateSpec("g", "cell candidate", Nonlinearity.TANH,
            "g_t = tanh(W_ig x_t + b_ig + W_hg h_{t−1} + b_hg)");
    private static final GateSpec LSTM_O = new GateSpec("o", "output gate", Nonlinearity.SIGMOID,
            "o_t = σ(W_io x_t + b_io + W_ho h_{t−1} + b_ho)");
    private static final GateSpec GRU_R = new GateSpec("r", "reset gate", Nonlinearity.SIGMOID,
            "r_t = σ(W_ir x_t + b_ir + W_hr h_{t−1} + b_hr)");
    private static final GateSpec GRU_Z = new GateSpec("z", "update gate", Nonlinearity.SIGMOID,
            "z_t = σ(W_iz x_t + b_iz + W_hz h_{t−1} + b_hz)");
    private static final GateSpec GRU_N_PYTORCH = new GateSpec("n", "candidate state", Nonlinearity.TANH,
            "n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))");
    private static final GateSpec GRU_N_CHO = new GateSpec("n", "candidate state", Nonlinearity.TANH,
            "n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn)");
}
