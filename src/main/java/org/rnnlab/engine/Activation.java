package org.rnnlab.engine;

/**
 * A cell's {@code activation} (the candidate, and tanh(c) of an LSTM) or
 * {@code recurrent_activation} (the gates), named as Keras names them, with the derivative
 * written from the output, as the backward kernels keep it:
 * <pre>
 *   tanh                  y = tanh a                       y' = 1 − y²
 *   sigmoid               y = 1 / (1 + e^−a)               y' = y (1 − y)
 *   hard_sigmoid          y = clip(0.2 a + 0.5, 0, 1)      y' = 0.2 where 0 &lt; y &lt; 1, else 0   (Keras 2, TF.js)
 *   hard_sigmoid Keras 3  y = clip(a / 6 + 0.5, 0, 1)      y' = 1/6 where 0 &lt; y &lt; 1, else 0
 *   relu                  y = max(a, 0)                    y' = 1 where y &gt; 0, else 0
 *   linear                y = a                            y' = 1
 * </pre>
 * tanh, sigmoid and relu are those of {@link Activations} (the array forms keep their SIMD path).
 */
public enum Activation {
    TANH("tanh", "tanh"),
    SIGMOID("sigmoid", "σ"),
    HARD_SIGMOID("hard_sigmoid", "hardσ"),
    HARD_SIGMOID_KERAS3("hard_sigmoid", "hardσ₃"),
    RELU("relu", "ReLU"),
    LINEAR("linear", "id");

    private final String kerasName;
    private final String symbol;

    Activation(String kerasName, String symbol) {
        this.kerasName = kerasName;
        this.symbol = symbol;
    }

    /** The name in a Keras config ({@code "hard_sigmoid"} for both definitions). */
    public String kerasName() {
        return kerasName;
    }

    /** The symbol equations use. */
    public String symbol() {
        return symbol;
    }

    /** y = f(a). */
    public double apply(double a) {
        return switch (this) {
            case TANH -> Activations.tanh(a);
            case SIGMOID -> Activations.sigmoid(a);
            case HARD_SIGMOID -> clip01(0.2 * a + 0.5);
            case HARD_SIGMOID_KERAS3 -> clip01(a / 6.0 + 0.5);
            case RELU -> Activations.relu(a);
            case LINEAR -> a;
        };
    }

    /** f'(a) from y = f(a). */
    public double gradFromOutput(double y) {
        return switch (this) {
            case TANH -> Activations.tanhGradFromOutput(y);
            case SIGMOID -> Activations.sigmoidGradFromOutput(y);
            case HARD_SIGMOID -> y > 0 && y < 1 ? 0.2 : 0.0;
            case HARD_SIGMOID_KERAS3 -> y > 0 && y < 1 ? 1.0 / 6.0 : 0.0;
            case RELU -> Activations.reluGradFromOutput(y);
            case LINEAR -> 1.0;
        };
    }

    /** Where f is not differentiable (pre-activations there have no derivative). */
    public double[] kinks() {
        return switch (this) {
            case HARD_SIGMOID -> new double[] {-2.5, 2.5};
            case HARD_SIGMOID_KERAS3 -> new double[] {-3.0, 3.0};
            case RELU -> new double[] {0.0};
            default -> new double[0];
        };
    }

    /** {@code out[oo+i] = f(a[ao+i] + b[bo+i])}, or f(a[ao+i]) when b is null. */
    public void apply(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        switch (this) {
            case TANH -> Activations.tanh(a, ao, b, bo, out, oo, len);
            case SIGMOID -> Activations.sigmoid(a, ao, b, bo, out, oo, len);
            case RELU -> Activations.relu(a, ao, b, bo, out, oo, len);
            default -> {
                for (int i = 0; i < len; i++) {
                    out[oo + i] = apply(b == null ? a[ao + i] : a[ao + i] + b[bo + i]);
                }
            }
        }
    }

    private static double clip01(double v) {
        return v <= 0 ? 0.0 : v >= 1 ? 1.0 : v;
    }
}
