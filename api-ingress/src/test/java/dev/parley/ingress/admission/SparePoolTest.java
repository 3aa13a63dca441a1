package dev.parley.ingress.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.MutableClock;
import dev.parley.platform.problem.ApiProblem;

class SparePoolTest {

    static final Duration IDLE = Duration.ofSeconds(10);
    static final SparePool.Key KEY = new SparePool.Key("u1", "mock-1", false);

    final MutableClock clock = new MutableClock();
    final FakeAccounting accounting = new FakeAccounting();
    final List<Runnable> background = new ArrayList<>();
    final SparePool pool = new SparePool(4, IDLE, accounting, background::add, clock);

    @Test
    void aKeysFirstRequestHoldsNothingAhead() {
        assertThat(pool.take(KEY, 100, 1024)).isEmpty();

        assertThat(background).isEmpty();
    }

    @Test
    void requestsTooFarApartToUseSparesBeforeTheyIdleHoldNothingAhead() {
        pool.take(KEY, 100, 1024);
        // four spares, ten seconds: a request every 2.5 s or less uses them
        clock.advance(Duration.ofMillis(2500));
        pool.take(KEY, 100, 1024);

        assertThat(background).isEmpty();
    }

    @Test
    void aSecondRequestSoonAfterHoldsSparesSizedForItsLikeInOneCall() {
        pool.take(KEY, 100, 1024);
        clock.advance(Duration.ofMillis(2400));
        pool.take(KEY, 300, 1024);

        runBackground();

        assertThat(accounting.holds).containsExactly(new Hold(KEY, new SparePool.Size(512, 1024), 4));
        assertThat(pool.size()).isEqualTo(4);
    }

    @Test
    void aRequestTakesASpareItFitsAndNoneTooSmallOrTooOld() {
        busyWithSpares(new SparePool.Size(256, 1024));

        assertThat(pool.take(KEY, 300, 1024)).as("input above the spare's size").isEmpty();
        assertThat(pool.take(KEY, 200, 2048)).as("output limit above the spare's").isEmpty();
        SparePool.Spare taken = pool.take(KEY, 200, 512).orElseThrow();
        assertThat(taken.id()).isEqualTo(accounting.heldIds.get(0));
        clock.advance(IDLE);
        assertThat(pool.take(KEY, 200, 512)).as("held for as long as the idle time").isEmpty();
    }

    @Test
    void eachSpareIsTakenOnce() {
        busyWithSpares(new SparePool.Size(256, 1024));

        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(pool.take(KEY, 100, 1024).orElseThrow().id());
        }

        assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accounting.heldIds);
    }

    @Test
    void aRefillStartsWhenAQuarterIsLeftAndOnlyOneAtATime() {
        busyWithSpares(new SparePool.Size(256, 1024));
        pool.take(KEY, 100, 1024);
        pool.take(KEY, 100, 1024);
        assertThat(background).isEmpty();

        pool.take(KEY, 100, 1024);
        pool.take(KEY, 100, 1024);

        assertThat(background).hasSize(1);
        runBackground();
        assertThat(accounting.holds.getLast().count()).isEqualTo(3);
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void sparesUnusedForTheIdleTimeAreGivenBack() {
        busyWithSpares(new SparePool.Size(256, 1024));
        clock.advance(IDLE.minusSeconds(1));
        assertThat(pool.releaseIdle()).isZero();

        clock.advance(Duration.ofSeconds(1));

        assertThat(pool.releaseIdle()).isEqualTo(4);
        runBackground();
        assertThat(accounting.released).containsExactlyInAnyOrderElementsOf(accounting.heldIds);
        assertThat(pool.size()).isZero();
    }

    @Test
    void sparesAccountingCouldNotTakeBackAreTriedAgainUntilItDoes() {
        busyWithSpares(new SparePool.Size(256, 1024));
        accounting.reachable = false;
        clock.advance(IDLE);
        pool.releaseIdle();
        runBackground();
        assertThat(accounting.released).isEmpty();
        pool.releaseIdle();
        runBackground();
        assertThat(accounting.released).isEmpty();

        accounting.reachable = true;
        pool.releaseIdle();
        runBackground();

        assertThat(accounting.released).containsExactlyInAnyOrderElementsOf(accounting.heldIds);
        pool.releaseIdle();
        assertThat(background).as("nothing left to give back").isEmpty();
    }

    @Test
    void sparesNotTakenBackAreDroppedOnceTheyExpire() {
        busyWithSpares(new SparePool.Size(256, 1024));
        accounting.reachable = false;
        clock.advance(Duration.ofMinutes(31));
        pool.releaseIdle();
        runBackground();

        accounting.reachable = true;
        pool.releaseIdle();

        assertThat(background).isEmpty();
        assertThat(accounting.released).isEmpty();
    }

    @Test
    void aRefusedRefillKeepsTheKeyQuietForTheIdleTime() {
        accounting.answer = ids -> List.of();
        busy();
        runBackground();

        clock.advance(Duration.ofSeconds(5));
        busy();
        assertThat(background).isEmpty();

        clock.advance(Duration.ofSeconds(6));
        busy();
        assertThat(background).hasSize(1);
    }

    @Test
    void anUnansweredRefillGivesBackWhatItMayHaveHeld() {
        accounting.answer = ids -> {
            throw ApiProblem.unavailable("timed out", null);
        };
        busy();

        runBackground();

        assertThat(accounting.released).hasSize(4);
        assertThat(pool.size()).isZero();
    }

    @Test
    void aUsersSparesAreGivenBackOnDemandAndOthersKept() {
        busyWithSpares(new SparePool.Size(256, 1024));
        var other = new SparePool.Key("u2", "mock-1", false);
        pool.putBack(other, new SparePool.Spare("theirs", new SparePool.Size(256, 1024), 10, "u2",
                clock.instant().plus(Duration.ofMinutes(30)), clock.instant()));

        assertThat(pool.releaseUser("u1")).isEqualTo(4);

        assertThat(accounting.released).containsExactlyInAnyOrderElementsOf(accounting.heldIds);
        assertThat(pool.size()).isEqualTo(1);
        busy();
        assertThat(background).as("the user's keys stay quiet").isEmpty();
    }

    @Test
    void closingGivesEverySpareBackAndThoseOfARunningRefillAsTheyArrive() {
        busyWithSpares(new SparePool.Size(256, 1024));
        pool.take(KEY, 100, 1024);
        pool.take(KEY, 100, 1024);
        pool.take(KEY, 100, 1024);
        assertThat(background).hasSize(1);

        pool.close(Duration.ofSeconds(5));
        runBackground();

        assertThat(accounting.released).hasSize(1 + 3);
        assertThat(pool.size()).isZero();
    }

    @Test
    void aSpareIsSizedToAPowerOfTwoOfAtLeast256InputTokens() {
        assertThat(SparePool.Size.of(10, 100)).isEqualTo(new SparePool.Size(256, 100));
        assertThat(SparePool.Size.of(256, 100)).isEqualTo(new SparePool.Size(256, 100));
        assertThat(SparePool.Size.of(257, 100)).isEqualTo(new SparePool.Size(512, 100));
        assertThat(SparePool.Size.of(5000, 100)).isEqualTo(new SparePool.Size(8192, 100));
    }

    @Test
    void noSparesWhenThereAreNoneToHold() {
        var none = new SparePool(0, IDLE, accounting, background::add, clock);
        none.take(KEY, 100, 1024);
        none.take(KEY, 100, 1024);

        assertThat(background).isEmpty();
    }

    void busy() {
        pool.take(KEY, 100, 1024);
        pool.take(KEY, 100, 1024);
    }

    void busyWithSpares(SparePool.Size size) {
        busy();
        runBackground();
        assertThat(accounting.holds.getLast().size()).isEqualTo(size);
        assertThat(pool.size()).isEqualTo(4);
    }

    void runBackground() {
        List<Runnable> running = List.copyOf(background);
        background.clear();
        running.forEach(Runnable::run);
    }

    record Hold(SparePool.Key key, SparePool.Size size, int count) {
    }

    final class FakeAccounting implements SparePool.Holder {

        final List<Hold> holds = new ArrayList<>();
        final List<String> heldIds = new ArrayList<>();
        final List<String> released = new ArrayList<>();
        Function<List<String>, List<String>> answer = ids -> ids;

        @Override
        public List<SparePool.Spare> hold(SparePool.Key key, SparePool.Size size, List<String> ids) {
            holds.add(new Hold(key, size, ids.size()));
            List<String> held = answer.apply(ids);
            heldIds.addAll(held);
            return held.stream().map(id -> new SparePool.Spare(id, size, 1000, key.userId(),
                    clock.instant().plus(Duration.ofMinutes(30)), clock.instant())).toList();
        }

        boolean reachable = true;

        @Override
        public boolean release(String userId, String id) {
            if (reachable) {
                released.add(id);
            }
            return reachable;
        }
    }
}
