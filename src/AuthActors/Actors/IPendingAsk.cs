namespace AuthActors.Actors;

/// <summary>An Ask waiting for its reply, as the kernel sees it when the asked actor stops.</summary>
internal interface IPendingAsk
{
    /// <summary>Whether the Ask has completed in any way.</summary>
    bool IsCompleted { get; }

    /// <summary>Fails the Ask with <see cref="ActorTerminatedException"/> naming <paramref name="deadRecipient"/>, unless it completed.</summary>
    void FailTerminated(IActorRef deadRecipient);
}
