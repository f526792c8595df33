using System.Collections.ObjectModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// Asks credential sources in order, the way Django walks <c>AUTHENTICATION_BACKENDS</c>: the
/// first <see cref="CredentialAnswerKind.Found"/> wins; <see cref="CredentialAnswerKind.Declined"/>
/// asks the next source; <see cref="CredentialAnswerKind.Denied"/> stops at once and nothing is
/// sent for that space; a source that throws is reported and skipped.
/// </summary>
/// <remarks>
/// The chain keeps no cache: protection spaces call it when they first need credentials, after a
/// rejection, or after <see cref="GetChangeToken"/> fires, and keep what they got. The chain is
/// immutable apart from its change signal and is safe to use from any thread. Events are raised
/// synchronously on the resolving thread; a handler that throws is logged and does not disturb
/// the resolution or the other handlers.
/// </remarks>
public sealed class CredentialChain
{
    private readonly ReadOnlyCollection<ICredentialSource> _sources;
    private readonly ILogger _logger;
    private readonly ChangeSignal _invalidated = new();

    /// <summary>Creates a chain that asks <paramref name="sources"/> in the order given.</summary>
    /// <param name="sources">The sources, first asked first. May be empty (then every resolution is NoCredentials).</param>
    /// <param name="logger">Logs which source answered (Debug, name only) and failures (Warning). Default: none.</param>
    public CredentialChain(IEnumerable<ICredentialSource> sources, ILogger<CredentialChain>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ICredentialSource[] list = [.. sources];
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException($"Credential source {i} is null.", nameof(sources));
            }

            if (string.IsNullOrWhiteSpace(list[i].Name))
            {
                throw new ArgumentException($"Credential source {i} ({list[i].GetType().Name}) has no name.", nameof(sources));
            }
        }

        _sources = new ReadOnlyCollection<ICredentialSource>(list);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The sources, in the order they are asked.</summary>
    public IReadOnlyList<ICredentialSource> Sources => _sources;

    /// <summary>
    /// Raised for every failure (<see cref="CredentialEventKind.Denied"/>,
    /// <see cref="CredentialEventKind.NoCredentials"/>, <see cref="CredentialEventKind.SourceFailed"/>,
    /// <see cref="CredentialEventKind.Rejected"/>, each followed by one
    /// <see cref="CredentialEventKind.LoginFailed"/>) and for <see cref="ReportChanged"/>.
    /// </summary>
    public event EventHandler<CredentialEvent>? EventRaised;

    /// <summary>
    /// Finds a credential for <paramref name="request"/>. The first source that answers Found wins
    /// and its <see cref="ICredentialSource.Name"/> is stamped on <see cref="Credential.Source"/>.
    /// A Deny stops the chain (later sources are not asked) and yields
    /// <see cref="CredentialEventKind.Denied"/>. A source that throws (other than by
    /// <paramref name="cancellationToken"/> being cancelled) raises
    /// <see cref="CredentialEventKind.SourceFailed"/> and the chain goes on; if nobody then answers,
    /// the failure is SourceFailed. If every source declines, the failure is
    /// <see cref="CredentialEventKind.NoCredentials"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<CredentialResolution> ResolveAsync(CredentialRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string space = request.Describe();
        List<string>? declines = null;
        List<string>? failures = null;
        foreach (ICredentialSource source in _sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CredentialAnswer answer;
            try
            {
                answer = await source.GetAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A source is a plug-in: whatever it throws becomes a SourceFailed event (logged), and the next source is asked.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                string failure = OnSourceFailed(request, space, source.Name, exception);
                (failures ??= []).Add(failure);
                continue;
            }

            switch (answer.Kind)
            {
                case CredentialAnswerKind.Found when answer.Credential is not null && !answer.Credential.MayAnswer(request.Scheme):
                    // Scoped to other schemes (a Bearer client secret): never sent to this one.
                    string scoped = $"its credential is for {string.Join(", ", answer.Credential.Schemes!)} only";
                    CredentialLog.SourceDeclined(_logger, source.Name, space, scoped);
                    (declines ??= []).Add($"{source.Name}: {scoped}");
                    break;

                case CredentialAnswerKind.Found when answer.Credential is not null:
                    CredentialLog.SourceAnswered(_logger, source.Name, space);
                    return new CredentialResolution(answer.Credential.WithSource(source.Name), null, null);

                case CredentialAnswerKind.Denied:
                    return OnDenied(request, space, source.Name, answer.Reason ?? "denied");

                default:
                    string why = answer.Reason ?? "no entry";
                    CredentialLog.SourceDeclined(_logger, source.Name, space, why);
                    if (answer.Reason is not null)
                    {
                        (declines ??= []).Add($"{source.Name}: {answer.Reason}");
                    }

                    break;
            }
        }

        return failures is null ? OnNoCredentials(request, space, declines) : OnAllFailedOrDeclined(request, space, failures, declines);
    }

    /// <summary>
    /// Records that the server (401) or proxy (407) rejected <paramref name="credential"/> after it
    /// was sent: raises <see cref="CredentialEventKind.Rejected"/> charged to
    /// <see cref="Credential.Source"/>, then <see cref="CredentialEventKind.LoginFailed"/>.
    /// </summary>
    public void ReportRejected(CredentialRequest request, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credential);
        string space = request.Describe();
        string source = credential.Source ?? "(unknown)";
        string status = request.IsProxy ? "407" : "401";
        string reason = $"{space} rejected ({status}) the credential for user '{credential.UserName}' from source '{source}'";
        CredentialLog.CredentialRejected(_logger, credential.UserName, source, space);
        Raise(CredentialEvent.For(CredentialEventKind.Rejected, request, credential.Source, credential.UserName, reason));
        Raise(CredentialEvent.For(CredentialEventKind.LoginFailed, request, credential.Source, credential.UserName, reason));
    }

    /// <summary>
    /// Records that a space, re-resolving after a change, now holds a different credential:
    /// raises <see cref="CredentialEventKind.Changed"/> charged to <see cref="Credential.Source"/>.
    /// </summary>
    public void ReportChanged(CredentialRequest request, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credential);
        string space = request.Describe();
        string source = credential.Source ?? "(unknown)";
        CredentialLog.CredentialChanged(_logger, space, source);
        Raise(CredentialEvent.For(CredentialEventKind.Changed, request, credential.Source, credential.UserName, $"the credential for {space} changed (source '{source}')"));
    }

    /// <summary>
    /// A token that fires when any source's answers may have changed, or on <see cref="Invalidate"/>.
    /// It fires once; call again for a new token (as with <c>IOptionsMonitor</c>, or use
    /// <c>ChangeToken.OnChange(chain.GetChangeToken, ...)</c>).
    /// </summary>
    /// <remarks>
    /// Take the token before resolving, not after: sources change their answers first and fire
    /// second, so a token taken before a resolution is sure to fire for any change that the
    /// resolution did not see.
    /// </remarks>
    public IChangeToken GetChangeToken()
    {
        List<IChangeToken> tokens = [_invalidated.GetToken()];
        foreach (ICredentialSource source in _sources)
        {
            IChangeToken? token = source.GetChangeToken();
            if (token is not null)
            {
                tokens.Add(token);
            }
        }

        return tokens.Count == 1 ? tokens[0] : new CompositeChangeToken(tokens);
    }

    /// <summary>
    /// An explicit rotation: fires the change token so that spaces re-resolve their credentials.
    /// Change-token callbacks run on this thread.
    /// </summary>
    public void Invalidate() => _invalidated.Fire();

    private string OnSourceFailed(CredentialRequest request, string space, string sourceName, Exception exception)
    {
        string exceptionType = exception.GetType().Name;
        string detail = SafeMessage(exception);
        CredentialLog.SourceFailed(_logger, sourceName, space, exceptionType, detail);
        if (exception.StackTrace is { } stackTrace && _logger.IsEnabled(LogLevel.Debug))
        {
            // The stack trace (frames only) helps to find the fault; the message may not be clean.
            CredentialLog.SourceFailedStackTrace(_logger, sourceName, exceptionType, Environment.NewLine + stackTrace);
        }

        string reason = $"source '{sourceName}' failed with {exceptionType}: {detail}";
        Raise(CredentialEvent.For(CredentialEventKind.SourceFailed, request, sourceName, null, reason));
        return reason;
    }

    private CredentialResolution OnDenied(CredentialRequest request, string space, string sourceName, string sourceReason)
    {
        CredentialLog.SourceDenied(_logger, sourceName, space, sourceReason);
        string reason = $"source '{sourceName}' denied credentials for {space}: {sourceReason}";
        Raise(CredentialEvent.For(CredentialEventKind.Denied, request, sourceName, null, reason));
        Raise(CredentialEvent.For(CredentialEventKind.LoginFailed, request, sourceName, null, reason));
        return new CredentialResolution(null, CredentialEventKind.Denied, reason);
    }

    private CredentialResolution OnNoCredentials(CredentialRequest request, string space, List<string>? declines)
    {
        string asked = _sources.Count == 0 ? "no sources are configured" : "asked " + string.Join(", ", _sources.Select(s => s.Name));
        string reason = $"no source had credentials for {space} ({asked}" + (declines is null ? ")" : "; " + string.Join("; ", declines) + ")");
        CredentialLog.NoCredentials(_logger, space, reason);
        Raise(CredentialEvent.For(CredentialEventKind.NoCredentials, request, null, null, reason));
        Raise(CredentialEvent.For(CredentialEventKind.LoginFailed, request, null, null, reason));
        return new CredentialResolution(null, CredentialEventKind.NoCredentials, reason);
    }

    private CredentialResolution OnAllFailedOrDeclined(CredentialRequest request, string space, List<string> failures, List<string>? declines)
    {
        // The SourceFailed events were raised as each source failed; only the summary is left.
        string reason = $"no credentials for {space}: " + string.Join("; ", failures) + (declines is null ? "" : "; " + string.Join("; ", declines));
        Raise(CredentialEvent.For(CredentialEventKind.LoginFailed, request, null, null, reason));
        return new CredentialResolution(null, CredentialEventKind.SourceFailed, reason);
    }

    /// <summary>
    /// The exception message when its type promises a clean one; otherwise a placeholder, since
    /// a third-party source's message may quote a password, a token or a connection string.
    /// </summary>
    private static string SafeMessage(Exception exception) => exception switch
    {
        CredentialSourceException or NetrcFormatException => exception.Message,
        _ => "(message withheld: only CredentialSourceException and NetrcFormatException messages are shown, as others may contain secrets)",
    };

    private void Raise(CredentialEvent credentialEvent)
    {
        EventHandler<CredentialEvent>? handlers = EventRaised;
        if (handlers is null)
        {
            return;
        }

        foreach (EventHandler<CredentialEvent> handler in handlers.GetInvocationList().Cast<EventHandler<CredentialEvent>>())
        {
            try
            {
                handler(this, credentialEvent);
            }
#pragma warning disable CA1031 // An observer must not break authentication or starve the other observers; the fault is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                CredentialLog.EventHandlerFailed(_logger, credentialEvent.Kind, exception);
            }
        }
    }
}
