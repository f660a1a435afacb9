package dev.barrier.model.diffusion.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.NoiseSchedule;

import java.util.Map;

/**
 * The linear β schedule of a diffusion model: {@code steps} timesteps with β rising linearly from
 * {@code betaStart} to {@code betaEnd}.
 *
 * @param steps     T, the number of timesteps
 * @param betaStart β_0
 * @param betaEnd   β_{T−1}
 */
record ScheduleSettings(int steps, double betaStart, double betaEnd) {

    /** The largest number of timesteps accepted. */
    static final int MAX_STEPS = 100_000;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if steps is outside [2, {@value #MAX_STEPS}] or the betas are not
     *                                  0 &lt; betaStart ≤ betaEnd &lt; 1
     */
    ScheduleSettings {
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException("a noise schedule may have at most " + MAX_STEPS + " steps, got "
                    + steps);
        }
        NoiseSchedule.linear(steps, betaStart, betaEnd);
    }

    /** Returns the schedule. */
    NoiseSchedule toSchedule() {
        return NoiseSchedule.linear(steps, betaStart, betaEnd);
    }

    /** Adds the settings to {@code map} under {@code schedule.steps}, {@code schedule.betaStart} and so on. */
    void putInto(Map<String, Object> map) {
        map.put("schedule.steps", steps);
        map.put("schedule.betaStart", betaStart);
        map.put("schedule.betaEnd", betaEnd);
    }

    /**
     * Reads a {@code schedule} section with keys {@code steps}, {@code betaStart} and {@code betaEnd}.
     *
     * @throws dev.barrier.api.config.ConfigurationException naming the key of an invalid value
     */
    static ScheduleSettings read(ConfigSection section, ScheduleSettings defaults) {
        int steps = section.getInt("steps", defaults.steps(), 2, MAX_STEPS);
        double betaStart = section.getDouble("betaStart", defaults.betaStart());
        if (!(betaStart > 0 && betaStart < 1)) {
            throw section.error("betaStart", "expected a number in (0, 1), got " + betaStart);
        }
        double betaEnd = section.getDouble("betaEnd", defaults.betaEnd());
        if (!(betaEnd >= betaStart && betaEnd < 1)) {
            throw section.error("betaEnd", "expected a number from betaStart (" + betaStart + ") to below 1, got "
                    + betaEnd);
        }
        return new ScheduleSettings(steps, betaStart, betaEnd);
    }
}
