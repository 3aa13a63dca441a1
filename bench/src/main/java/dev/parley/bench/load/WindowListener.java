package dev.parley.bench.load;

/** Told when the measured window of a {@link ClosedLoop} opens and closes, to sample CPU and metrics. */
public interface WindowListener {

    void windowStarted();

    void windowEnded();

    WindowListener NONE = new WindowListener() {
        @Override
        public void windowStarted() {
        }

        @Override
        public void windowEnded() {
        }
    };
}
