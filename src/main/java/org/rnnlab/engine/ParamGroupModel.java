package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter bookkeeping every {@link Model} shares: its groups in a fixed order, the flat
 * parameter list the optimisers take (built once, so a training step allocates nothing), and
 * marking or zeroing them all.
 */
public abstract class ParamGroupModel implements Model {
    private final List<ParamGroup> groups;
    private final List<Param> params;

    protected ParamGroupModel(List<ParamGroup> groups) {
        this.groups = List.copyOf(groups);
        List<Param> p = new ArrayList<>();
        for (ParamGroup g : this.groups) {
            p.addAll(g.params());
        }
        this.params = List.copyOf(p);
    }

    @Override
    public final List<ParamGroup> groups() {
        return groups;
    }

    @Override
    public final List<Param> params() {
        return params;
    }

    @Override
    public final int parameterCount() {
        int n = 0;
        for (ParamGroup g : groups) {
            n += g.parameterCount();
        }
        return n;
    }

    /** Call after changing any parameter value (optimiser step, import, finite differences). */
    @Override
    public final void markChanged() {
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).markChanged();
        }
    }

    @Override
    public final void zeroGrad() {
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).zeroGrad();
        }
    }
}
