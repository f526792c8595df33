namespace AuthActors.Actors;

/// <summary>What a supervisor does with a child whose handler threw.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message (the failing one is dropped).</summary>
    Resume,

    /// <summary>Replace the instance with a new one from its Props; queued messages are kept, the failing one is dropped.</summary>
    Restart,

    /// <summary>Stop the child (its children first); watchers get <see cref="Terminated"/>.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the child's exception, so the grandparent decides.</summary>
    Escalate,
}
