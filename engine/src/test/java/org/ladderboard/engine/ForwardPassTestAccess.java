package org.ladderboard.engine;

import org.ladderboard.engine.model.CausalLanguageModel;

/** Lets tests in other packages run the plain causal forward of {@link ForwardPassTest}. */
public final class ForwardPassTestAccess {

    private ForwardPassTestAccess() {
    }

    public static double[] nextTokenLogprobs(CausalLanguageModel model, long[] ids) {
        return ForwardPassTest.nextTokenLogprobs(model, ids)[0];
    }
}
