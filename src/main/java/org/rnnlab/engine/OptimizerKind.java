package org.rnnlab.engine;

import java.util.Locale;

/** The optimisers the engine offers, by the names the CLI and session files use. */
public enum OptimizerKind {
    SGD("sgd"),
    MOMENTUM("momentum"),
    RMSPROP("rmsprop"),
    ADAM("adam");

    private final String cliName;

    OptimizerKind(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case name: "sgd", "momentum", "rmsprop", "adam". */
    public String cliName() {
        return cliName;
    }

    /**
     * The kind with this name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static OptimizerKind parse(String name) {
        if (name != null) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (OptimizerKind k : values()) {
                if (k.cliName.equals(n)) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("optimizer must be one of " + validNames() + ", was '" + name + "'");
    }

    /** "sgd, momentum, rmsprop, adam". */
    public static String validNames() {
        StringBuilder sb = new StringBuilder();
        for (OptimizerKind k : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.cliName);
        }
        return sb.toString();
    }

    /** A new optimiser of this kind with PyTorch's default hyperparameters (momentum 0.9). */
    public Optimizer create(double learningRate) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case MOMENTUM -> new Momentum(learningRate);
            case RMSPROP -> new RmsProp(learningRate);
            case ADAM -> new Adam(learningRate);
        };
    }

    /**
     * The update rule in the math text notation of the views (the optimisers' own Javadoc gives
     * the exact forms), e.g. Adam's "θ ← θ − η · m̂ / (√v̂ + ε)".
     */
    public String rule() {
        return switch (this) {
            case SGD -> "θ ← θ − η · g";
            case MOMENTUM -> "b ← μ · b + g,   θ ← θ − η · b";
            case RMSPROP -> "v ← α · v + (1 − α) · g²,   θ ← θ − η · g / (√v + ε)";
            case ADAM -> "θ ← θ − η · m̂ / (√v̂ + ε)";
        };
    }

    /** The name for people: "SGD", "Momentum", "RMSprop", "Adam". */
    public String title() {
        return switch (this) {
            case SGD -> "SGD";
            case MOMENTUM -> "Momentum";
            case RMSPROP -> "RMSprop";
            case ADAM -> "Adam";
        };
    }
}
