package vn.tonghop.registry;

import java.util.List;

/** The outcome of matching a clerk's code or name to a commune: one unit, none, or several (never a guess). */
public sealed interface UnitMatch {

    record Found(Unit unit) implements UnitMatch {
    }

    record NotFound() implements UnitMatch {
    }

    record Ambiguous(List<Unit> candidates) implements UnitMatch {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }
}
