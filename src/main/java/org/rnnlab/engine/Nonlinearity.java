package org.rnnlab.engine;

/** A gate's nonlinearity, named as the diagrams and equations name it. */
public enum Nonlinearity {
    SIGMOID("σ"), TANH("tanh"), RELU("ReLU"), IDENTITY("1");

    private final String symbol;

    Nonlinearity(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol used in equations and diagram labels: σ, tanh, ReLU. */
    public String symbol() {
        return symbol;
    }

    public double apply(double a) {
        return switch (this) {
            case SIGMOID -> Activations.sigmoid(a);
            case TANH -> Activations.tanh(a);
            case RELU -> Activations.relu(a);
            case IDENTITY -> 1.0;
        };
    }
}
