using System.Threading.Channels;

namespace AuthActors.Actors;

/// <summary>
/// The mailbox: one channel of user messages plus a lock-free list of system messages, drained by a thread-pool work
/// item that is queued only while there is work (Akka's dispatcher/mailbox design). An idle actor therefore holds no
/// task, thread or timer, just its channel. A run processes at most <see cref="Throughput"/> user messages, then
/// yields the thread to other actors; system messages are handled before every user message.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    /// <summary>User messages per run before the work item yields the thread (Akka's dispatcher throughput).</summary>
    private const int Throughput = 100;

    // A bounded channel of practically unbounded capacity: its deque starts empty and grows on demand, so an idle
    // actor's channel is about half the size of Channel.CreateUnbounded's (which pre-allocates a 32-slot segment).
    // Never mutated after creation; shared by all cells only because the factory copies what it needs.
    private static readonly BoundedChannelOptions s_mailboxOptions = new(int.MaxValue)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    };

    // Written by any thread (Tell); read only by the mailbox run. Completed when the actor starts stopping, after which
    // TryWrite fails and the message becomes a dead letter.
    private readonly Channel<Envelope> _mailbox;

    // Pushed by any thread with CAS (a LIFO list); the run takes the whole list with one exchange and reverses it.
    private SystemMessage? _systemMessages;

    // 1 while a run is queued or running. Whoever flips 0 -> 1 queues the work item: at most one run at a time.
    private int _scheduled;

    private static Channel<Envelope> CreateMailbox() => Channel.CreateBounded<Envelope>(s_mailboxOptions);

    /// <summary>Enqueues a user message from any thread; a stopped actor turns it into a dead letter.</summary>
    internal void Post(object message, IActorRef? sender)
    {
        if (_mailbox.Writer.TryWrite(new Envelope(message, sender)))
        {
            ScheduleAfterWrite();
        }
        else
        {
            _system.PublishDeadLetter(message, sender, _self, recipientTerminated: true);
        }
    }

    /// <summary>Enqueues a kernel marker in order with user messages; dropped silently once the actor has stopped.</summary>
    internal void PostInternal(object marker)
    {
        if (_mailbox.Writer.TryWrite(new Envelope(marker, null)))
        {
            ScheduleAfterWrite();
        }
    }

    /// <summary>Pushes a system message from any thread and makes sure a run will see it.</summary>
    internal void SendSystem(SystemMessage message)
    {
        SystemMessage? head = Volatile.Read(ref _systemMessages);
        while (true)
        {
            message.Next = head;
            SystemMessage? seen = Interlocked.CompareExchange(ref _systemMessages, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }

            head = seen;
        }

        TrySchedule(preferLocal: true);
    }

    /// <summary>The work item: one run of the mailbox on a thread-pool thread.</summary>
    public void Execute()
    {
        bool yielded = false;
        try
        {
            yielded = Run();
        }
        catch (Exception exception)
        {
            // Handler and hook exceptions are handled inside; reaching here is a kernel bug. An exception escaping a
            // thread-pool work item would end the process, so it is logged instead.
            ActorLog.KernelFault(_system.Logger, exception, Path);
        }
        finally
        {
            // The exchange is a full fence: pairs with the fence in ScheduleAfterWrite so that a message written while
            // we were finishing is seen either by us (below) or by its writer (which then schedules).
            Interlocked.Exchange(ref _scheduled, 0);
            if (HasWork())
            {
                TrySchedule(preferLocal: !yielded);
            }
        }
    }

    /// <summary>Processes system messages and up to <see cref="Throughput"/> user messages.</summary>
    /// <returns><see langword="true"/> if the run stopped because its budget was spent.</returns>
    private bool Run()
    {
        ChannelReader<Envelope> reader = _mailbox.Reader;
        int processed = 0;
        while (true)
        {
            if (Volatile.Read(ref _systemMessages) is not null)
            {
                ProcessSystemMessages();
                continue;
            }

            if (processed == Throughput)
            {
                return true;
            }

            if (!CanProcessUserMessages || !reader.TryRead(out Envelope envelope))
            {
                return false;
            }

            Invoke(envelope);
            processed++;
        }
    }

    /// <summary>User messages wait while the actor is being created, is suspended after a failure, restarting or stopping.</summary>
    private bool CanProcessUserMessages => _actor is not null && !_failed && !_terminating && _recreateCause is null;

    private bool HasWork() =>
        Volatile.Read(ref _systemMessages) is not null || (CanProcessUserMessages && _mailbox.Reader.Count > 0);

    private void ScheduleAfterWrite()
    {
        // Dekker-style handshake with Execute's exit: the write must be visible before we read the flag, or both sides
        // could conclude the other one will process the message.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _scheduled) == 0)
        {
            TrySchedule(preferLocal: true);
        }
    }

    private void TrySchedule(bool preferLocal)
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            // preferLocal: a Tell from a pool thread (e.g. an Ask's caller) runs the actor next on the same thread,
            // which is cheaper than a hop; a run that spent its budget goes to the global queue for fairness.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal);
        }
    }

    private void ProcessSystemMessages()
    {
        SystemMessage? list = Interlocked.Exchange(ref _systemMessages, null);
        SystemMessage? ordered = null;
        while (list is not null)
        {
            SystemMessage next = list.Next!;
            list.Next = ordered;
            ordered = list;
            list = next;
        }

        while (ordered is not null)
        {
            SystemMessage current = ordered;
            ordered = current.Next;
            current.Next = null;
            if (_terminated)
            {
                continue;
            }

            try
            {
                HandleSystemMessage(current);
            }
            catch (Exception exception)
            {
                // E.g. a supervisor strategy's decider threw: this actor fails and its own parent decides.
                ActorLog.SupervisorFailed(_system.Logger, exception, Path);
                Fail(exception, null, log: false);
            }
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case SystemMessage.Create:
                CreateActor();
                break;
            case SystemMessage.Recreate recreate:
                FaultRecreate(recreate.Cause);
                break;
            case SystemMessage.Resume:
                FaultResume();
                break;
            case SystemMessage.Terminate:
                BeginTerminate(graceful: false);
                break;
            case SystemMessage.Failed failed:
                HandleChildFailed(failed.Child, failed.Cause, failed.Escalated);
                break;
            case SystemMessage.ChildTerminated childTerminated:
                HandleChildTerminated(childTerminated.Child);
                break;
        }
    }

    private void DrainToDeadLetters()
    {
        while (_mailbox.Reader.TryRead(out Envelope envelope))
        {
            if (envelope.Message is GracefulStop or ReceiveTimeoutTick)
            {
                continue;
            }

            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self, recipientTerminated: true);
        }
    }
}
