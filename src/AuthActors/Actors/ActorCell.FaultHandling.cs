namespace AuthActors.Actors;

/// <summary>
/// Lifecycle and supervision (Akka's ActorCell.FaultHandling). States, all on the mailbox thread:
/// <list type="bullet">
/// <item>creating: <c>_actor</c> is null until the Create system message ran the factory and PreStart;</item>
/// <item>running: user messages flow;</item>
/// <item>failed (<c>_failed</c>): a handler or hook threw; user messages wait, the parent was sent Failed and answers
/// Resume, Recreate or Terminate;</item>
/// <item>restarting (<c>_recreateCause</c> set): PreRestart ran, waiting for the children it stopped;</item>
/// <item>terminating (<c>_terminating</c>): no more user messages; waiting for all children to finish stopping;</item>
/// <item>terminated (<c>_terminated</c>): PostStop ran, watchers were told, the name is free.</item>
/// </list>
/// </summary>
internal sealed partial class ActorCell
{
    private bool _failed;
    private object? _failedMessage;
    private Exception? _recreateCause;

    // Set under lock (this), so the guardian's ActorOf from other threads sees it.
    private bool _terminating;

    // The strategy this actor applies to its children, resolved once per instance.
    private SupervisorStrategy? _strategy;

    // Children that escalated to us and stay suspended until our own parent decides about us.
    private List<ActorCell>? _escalatedChildren;

    // Asks this actor received and did not answer within the handler; failed at once if the actor stops first.
    private List<IPendingAsk>? _pendingAsks;
    private int _pendingAsksPruneAt = 16;

    private void CreateActor()
    {
        try
        {
            _actor = NewActor();
            _actor.AroundPreStart();
        }
        catch (Exception exception)
        {
            Fail(AsInitializationFailure(exception), null, log: true);
        }
    }

    private ActorBase NewActor()
    {
        ActorCell? outer = s_constructing;
        s_constructing = this;
        ActorBase actor;
        try
        {
            actor = _props.NewActor();
        }
        finally
        {
            s_constructing = outer;
        }

        actor.OnConstructed();
        _strategy = null;
        return actor;
    }

    private ActorInitializationException AsInitializationFailure(Exception exception) =>
        exception as ActorInitializationException
        ?? new ActorInitializationException($"Actor '{Path}' failed to initialize: {exception.GetType()}.", exception);

    /// <summary>Suspends this actor and reports to the parent, which decides with its strategy.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="message">The message being processed, if any (dropped; passed to PreRestart).</param>
    /// <param name="log">Whether to log it (an escalation was already logged where it happened).</param>
    /// <param name="escalated">Whether this actor fails because a child escalated to it.</param>
    private void Fail(Exception exception, object? message, bool log, bool escalated = false)
    {
        if (log)
        {
            ActorLog.ActorFailed(_system.Logger, exception, Path, message?.GetType().ToString() ?? "a lifecycle hook");
        }

        if (_terminating || _failed)
        {
            return;
        }

        if (_parent is null)
        {
            // The guardian has nobody above it; its own actor does nothing that can fail.
            return;
        }

        _failed = true;
        _failedMessage = message;
        _parent.SendSystem(new SystemMessage.Failed(this, exception, escalated));
    }

    private void HandleChildFailed(ActorCell child, Exception cause, bool escalated)
    {
        if (!IsChild(child))
        {
            return;
        }

        if (_terminating)
        {
            // While stopping, a failed child is not worth restarting.
            StopChild(child);
            return;
        }

        if (_parent is null && escalated)
        {
            // A failure escalated all the way up: stop the top-level actor it came through, keep the process.
            ActorLog.EscalatedToGuardian(_system.Logger, cause, child.Path);
            StopChild(child);
            return;
        }

        SupervisorStrategy strategy = _strategy ??=
            _props.SupervisorStrategy ?? _actor?.AroundSupervisorStrategy() ?? OneForOneStrategy.Default;
        switch (strategy.Handle(ref child._restartStats, cause, _system.TimeProvider))
        {
            case Directive.Resume:
                child.SendSystem(new SystemMessage.Resume());
                break;
            case Directive.Restart:
                child.SendSystem(new SystemMessage.Recreate(cause));
                break;
            case Directive.Stop:
                StopChild(child);
                break;
            default:
                if (_parent is null)
                {
                    // The guardian has nobody to escalate to: stop the top-level actor, keep the process.
                    ActorLog.EscalatedToGuardian(_system.Logger, cause, child.Path);
                    StopChild(child);
                }
                else
                {
                    (_escalatedChildren ??= []).Add(child);
                    Fail(cause, null, log: false, escalated: true);
                }

                break;
        }
    }

    private void FaultResume()
    {
        if (_terminating || !_failed)
        {
            return;
        }

        _failed = false;
        _failedMessage = null;
        if (_actor is null)
        {
            // Creation had failed: there is no instance to resume, so try creating it again.
            CreateActor();
        }

        if (_escalatedChildren is { } escalated)
        {
            _escalatedChildren = null;
            foreach (ActorCell child in escalated)
            {
                child.SendSystem(new SystemMessage.Resume());
            }
        }
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        if (_actor is { } failed)
        {
            try
            {
                failed.AroundPreRestart(cause, _failedMessage);
            }
            catch (Exception exception)
            {
                ActorLog.LifecycleHookFailed(_system.Logger, exception, "PreRestart", Path);
            }
        }

        _failedMessage = null;
        _escalatedChildren = null;
        _recreateCause = cause;

        // The new instance may recreate children under the same names, so wait for the ones PreRestart stopped.
        if (!AnyChildStopping())
        {
            FinishRecreate();
        }
    }

    private void FinishRecreate()
    {
        Exception cause = _recreateCause!;
        _recreateCause = null;
        ActorBase? failed = _actor;
        _actor = null;
        _failed = false;
        try
        {
            ActorBase fresh = NewActor();
            if (ReferenceEquals(fresh, failed))
            {
                throw new InvalidOperationException($"The Props factory of '{Path}' returned the failed instance; it must create a new actor on every call.");
            }

            _actor = fresh;
            fresh.AroundPostRestart(cause);
        }
        catch (Exception exception)
        {
            Fail(AsInitializationFailure(exception), null, log: true);
            return;
        }

        // Children that PreRestart left running are restarted too (Akka).
        foreach (ActorCell child in SnapshotChildren())
        {
            if (!child._stopRequested)
            {
                child.SendSystem(new SystemMessage.Recreate(cause));
            }
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        _escalatedChildren?.Remove(child);
        if (_terminating)
        {
            if (!HasChildren())
            {
                FinishTerminate();
            }
        }
        else if (_recreateCause is not null && !AnyChildStopping())
        {
            FinishRecreate();
        }
    }

    /// <summary>
    /// Starts stopping: refuse new messages, turn queued ones into dead letters, stop the children. Graceful (system
    /// shutdown) sends children the shutdown marker so they drain first; otherwise they stop at once.
    /// </summary>
    private void BeginTerminate(bool graceful)
    {
        ActorCell[] children;
        lock (this)
        {
            if (_terminating)
            {
                return;
            }

            _terminating = true;
            children = _children is null || _children.Count == 0 ? [] : [.. _children.Values];
        }

        _stopRequested = true;
        StopReceiveTimeout();
        _mailbox.Writer.TryComplete();
        DrainToDeadLetters();
        foreach (ActorCell child in children)
        {
            // A child suspended on our behalf would never reach the marker.
            if (graceful && _escalatedChildren?.Contains(child) != true)
            {
                child._stopRequested = true;
                child.PostInternal(GracefulStop.Instance);
            }
            else
            {
                StopChild(child);
            }
        }

        if (children.Length == 0)
        {
            FinishTerminate();
        }
    }

    /// <summary>All children have stopped: PostStop, fail pending Asks, tell watchers and the parent.</summary>
    private void FinishTerminate()
    {
        if (_terminated)
        {
            return;
        }

        if (_actor is { } actor)
        {
            try
            {
                actor.AroundPostStop();
            }
            catch (Exception exception)
            {
                ActorLog.LifecycleHookFailed(_system.Logger, exception, "PostStop", Path);
            }
        }

        _actor = null;
        _failedMessage = null;
        FailPendingAsks();
        UnwatchAll();
        MarkTerminatedAndNotifyWatchers();
        if (_parent is not null)
        {
            _parent.SendSystem(new SystemMessage.ChildTerminated(this));
        }
        else
        {
            _system.OnGuardianTerminated();
        }
    }

    private void TrackPendingAsk(IPendingAsk ask)
    {
        List<IPendingAsk> asks = _pendingAsks ??= [];
        if (asks.Count >= _pendingAsksPruneAt)
        {
            // Amortized O(1): prune answered Asks only when the list has doubled since the last prune.
            asks.RemoveAll(static a => a.IsCompleted);
            _pendingAsksPruneAt = Math.Max(16, asks.Count * 2);
        }

        asks.Add(ask);
    }

    private void FailPendingAsks()
    {
        if (_pendingAsks is null)
        {
            return;
        }

        foreach (IPendingAsk ask in _pendingAsks)
        {
            ask.FailTerminated(_self);
        }

        _pendingAsks = null;
    }
}
