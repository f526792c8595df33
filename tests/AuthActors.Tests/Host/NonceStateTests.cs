using AuthActors.Host.Server;

namespace AuthActors.Tests.Host;

/// <summary>The per-nonce nc window (anti-replay window of RFC 4303 §3.4.3).</summary>
public sealed class NonceStateTests
{
    private static NonceState NewState() => new("n", realmIndex: 0, issuedAt: 0, sequence: 1);

    [Fact]
    public void TryAccept_FirstUseOfEachNc_Accepted()
    {
        NonceState state = NewState();

        Assert.Equal(NcOutcome.Accepted, state.TryAccept(1, NcCheck.Replay));
        Assert.Equal(NcOutcome.Accepted, state.TryAccept(2, NcCheck.Replay));
        Assert.Equal(NcOutcome.Accepted, state.TryAccept(100, NcCheck.Replay));
    }

    [Fact]
    public void TryAccept_SameNcTwice_SecondReplayed()
    {
        NonceState state = NewState();
        state.TryAccept(5, NcCheck.Replay);

        Assert.Equal(NcOutcome.Replayed, state.TryAccept(5, NcCheck.Replay));
    }

    [Fact]
    public void TryAccept_NcZero_Replayed()
    {
        Assert.Equal(NcOutcome.Replayed, NewState().TryAccept(0, NcCheck.Replay));
    }

    [Fact]
    public void TryAccept_ReplayModeBelowHighestWithinWindow_AcceptedOnceThenReplayed()
    {
        NonceState state = NewState();
        state.TryAccept(300, NcCheck.Replay);

        Assert.Equal(NcOutcome.Accepted, state.TryAccept(200, NcCheck.Replay));
        Assert.Equal(NcOutcome.Replayed, state.TryAccept(200, NcCheck.Replay));
    }

    [Fact]
    public void TryAccept_IncreasingModeBelowHighest_OutOfOrder()
    {
        NonceState state = NewState();
        state.TryAccept(2, NcCheck.Increasing);

        Assert.Equal(NcOutcome.OutOfOrder, state.TryAccept(1, NcCheck.Increasing));
    }

    [Fact]
    public void TryAccept_IncreasingModeSameNc_Replayed()
    {
        NonceState state = NewState();
        state.TryAccept(2, NcCheck.Increasing);

        Assert.Equal(NcOutcome.Replayed, state.TryAccept(2, NcCheck.Increasing));
    }

    [Fact]
    public void TryAccept_BelowTheLargestWindow_TreatedAsReplay()
    {
        NonceState state = NewState();
        state.TryAccept(NonceState.MaxWindow + 10, NcCheck.Replay);

        Assert.Equal(NcOutcome.Replayed, state.TryAccept(5, NcCheck.Replay));
        Assert.Equal(NcOutcome.Accepted, state.TryAccept(NonceState.MaxWindow, NcCheck.Replay));
    }

    [Fact]
    public void TryAccept_LateByFiftyThousand_StillAccepted()
    {
        // A request that stalled while 50,000 later ones went through is not a replay.
        NonceState state = NewState();
        for (uint nc = 2; nc <= 50_001; nc++)
        {
            Assert.Equal(NcOutcome.Accepted, state.TryAccept(nc, NcCheck.Replay));
        }

        Assert.Equal(NcOutcome.Accepted, state.TryAccept(1, NcCheck.Replay));
        Assert.Equal(NcOutcome.Replayed, state.TryAccept(1, NcCheck.Replay));
        Assert.Equal(NcOutcome.Replayed, state.TryAccept(25_000, NcCheck.Replay));
    }

    [Fact]
    public void TryAccept_HugeJump_ReturnsAtOnceAndKeepsCounting()
    {
        NonceState state = NewState();

        Assert.Equal(NcOutcome.Accepted, state.TryAccept(uint.MaxValue - 1, NcCheck.Replay));
        Assert.Equal(NcOutcome.Accepted, state.TryAccept(uint.MaxValue - 2, NcCheck.Replay));
        Assert.Equal(NcOutcome.Accepted, state.TryAccept(uint.MaxValue, NcCheck.Replay));
        Assert.Equal(NcOutcome.Replayed, state.TryAccept(1, NcCheck.Replay));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TryAccept_RandomSequenceWithinTheWindow_MatchesASetOfSeenValues(int seed)
    {
        // Model check: within the window the answer is exactly "seen before?".
        var random = new Random(seed);
        NonceState state = NewState();
        var seen = new HashSet<uint>();
        for (int i = 0; i < 20_000; i++)
        {
            uint nc = (uint)random.Next(1, 5_000);
            NcOutcome expected = seen.Add(nc) ? NcOutcome.Accepted : NcOutcome.Replayed;
            Assert.Equal(expected, state.TryAccept(nc, NcCheck.Replay));
        }
    }

    [Fact]
    public void TryAccept_WindowShiftedAcrossWords_KeepsEarlierBits()
    {
        NonceState state = NewState();
        for (uint nc = 1; nc <= 70; nc += 3)
        {
            state.TryAccept(nc, NcCheck.Replay);
        }

        state.TryAccept(500, NcCheck.Replay);

        for (uint nc = 1; nc <= 70; nc++)
        {
            NcOutcome expected = (nc - 1) % 3 == 0 ? NcOutcome.Replayed : NcOutcome.Accepted;
            Assert.Equal(expected, state.TryAccept(nc, NcCheck.Replay));
        }
    }

    [Fact]
    public void TryAccept_EveryNcOfAShuffledRange_AcceptedExactlyOnce()
    {
        NonceState state = NewState();
        uint[] order = [.. Enumerable.Range(1, 900).Select(i => (uint)i)];
        new Random(42).Shuffle(order);

        Assert.All(order, nc => Assert.Equal(NcOutcome.Accepted, state.TryAccept(nc, NcCheck.Replay)));
        Assert.All(order, nc => Assert.Equal(NcOutcome.Replayed, state.TryAccept(nc, NcCheck.Replay)));
    }

    [Fact]
    public void TrySetSuccessor_SecondCallerWithStaleExpectation_Loses()
    {
        NonceState state = NewState();
        NonceState first = new("a", 0, 0, 2);
        NonceState second = new("b", 0, 0, 3);

        Assert.True(state.TrySetSuccessor(null, first));
        Assert.False(state.TrySetSuccessor(null, second));
        Assert.Same(first, state.Successor);
    }
}
