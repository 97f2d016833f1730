package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.util.function.BiFunction;

/** A container check: its descriptor and how it is evaluated. Evaluation is pure except for /proc reads. */
record ContainerRule(Check check, BiFunction<ContainerInfo, ContainerContext, Outcome> eval) {
    Outcome evaluate(ContainerInfo facts, ContainerContext ctx) {
        return eval.apply(facts, ctx);
    }
}
