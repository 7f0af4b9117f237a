package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered set of parameters that change together (a cell, a readout, an embedding), with a
 * version counter: anything that writes {@link Param#value()} calls {@link #markChanged()}, so
 * derived data such as stored transposes can be refreshed lazily.
 */
public class ParamGroup {
    private final List<Param> params = new ArrayList<>();
    private long version;

    protected Param add(Param p) {
        params.add(p);
        version++;
        return p;
    }

    public List<Param> params() {
        return Collections.unmodifiableList(params);
    }

    public Param get(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter named '" + name + "'");
    }

    /** Call after writing any parameter value. */
    public void markChanged() {
        version++;
    }

    public long version() {
        return version;
    }

    public void zeroGrad() {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).zeroGrad();
        }
    }

    public int parameterCount() {
        int n = 0;
        for (Param p : params) {
            n += p.size();
        }
        return n;
    }
}
