package org.rnnlab.engine;

/**
 * One gate block of a cell: its short name as used in weight layouts ("i", "f", "g", "o",
 * "r", "z", "n", "h"), a title for people, its nonlinearity and its equation in the notation of
 * the equations view. Diagrams and equations take their labels from here, so what is drawn is
 * what is computed.
 *
 * @param name     block name in the reference weight layout
 * @param title    e.g. "forget gate"
 * @param nonlinearity the activation applied to the pre-activation
 * @param equation the defining equation, e.g. "f_t = σ(W_if x_t + b_if + W_hf h_{t−1} + b_hf)"
 */
public record GateSpec(String name, String title, Nonlinearity nonlinearity, String equation) {

    /**
     * The activation as the equation writes it: "σ", "tanh", or an opened model's "hardσ", "ReLU",
     * "1" (the text between "= " and the first "(" after it); the nonlinearity's symbol if the
     * equation has no such form.
     */
    public String symbol() {
        int eq = equation.indexOf("= ");
        int paren = eq < 0 ? -1 : equation.indexOf('(', eq);
        return paren > eq + 2 ? equation.substring(eq + 2, paren) : nonlinearity.symbol();
    }
}
