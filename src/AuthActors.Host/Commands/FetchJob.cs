using System.Globalization;
using System.Net.Http.Headers;
using AuthActors.Http;
using Microsoft.Extensions.Hosting;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>fetch</c> as a <see cref="BackgroundService"/>: sends the one request, prints the answer,
/// sets the exit code, stops the app. A failure is one line on stderr that never holds a
/// credential (the handler's reasons name spaces and schemes, not secrets).
/// </summary>
internal sealed class FetchJob(
    FetchRequest fetch,
    IHttpClientFactory clients,
    HostConsole console,
    JobOutcome outcome,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            outcome.ExitCode = await FetchAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await SayAsync("fetch: interrupted").ConfigureAwait(false);
            outcome.ExitCode = ExitCodes.Interrupted;
        }
        catch (OperationCanceledException)
        {
            await SayAsync($"fetch: timed out after {DurationParser.Format(fetch.Client.Timeout)} (--timeout, which bounds the whole exchange, body included)").ConfigureAwait(false);
            outcome.ExitCode = ExitCodes.TimedOut;
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            await SayAsync("fetch: " + Describe(e)).ConfigureAwait(false);
            outcome.ExitCode = ExitCodes.ConnectFailed;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await SayAsync("fetch: " + Describe(e)).ConfigureAwait(false);
            outcome.ExitCode = ExitCodes.Failed;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    /// <summary>One line on stderr, unless --silent.</summary>
    private Task SayAsync(string line) => fetch.Silent ? Task.CompletedTask : console.Error.WriteLineAsync(line);

    private async Task<int> FetchAsync(CancellationToken stoppingToken)
    {
        // --timeout bounds the whole exchange, body included (HttpClient.Timeout stops at the
        // headers when the body is streamed): a server trickling bytes cannot hold fetch.
        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        exchange.CancelAfter(fetch.Client.Timeout);
        CancellationToken cancellationToken = exchange.Token;
        HttpClient client = clients.CreateClient(ClientServices.ClientName);
        using var request = new HttpRequestMessage(fetch.Method, fetch.Url);
        // Bodies are bytes both ways, streamed: memory stays flat in their size (a body above
        // buffer-limit is sent once; it cannot be re-sent after a challenge).
        request.Content = fetch switch
        {
            { Body: { } body } => new ByteArrayContent(body),
            { BodyFile: "-" } => console.OpenInput is { } openInput
                ? new StreamContent(openInput())
                : new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(await console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false))),
            { BodyFile: { } file } => new StreamContent(File.OpenRead(file)),
            _ => null,
        };
        request.Content?.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        foreach ((string name, string value) in fetch.Headers)
        {
            if (request.Content is not null && name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (fetch.Include)
        {
            string head = WireHandler.DescribeResponse(response);
            // Without the "< " marks: as curl -i prints them.
            foreach (string line in head.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await console.Out.WriteLineAsync(line.Length > 2 ? line[2..] : "").ConfigureAwait(false);
            }
        }

        bool failed = !response.IsSuccessStatusCode;
        if (fetch.Head || (failed && fetch.Fail))
        {
            // No body: HEAD has none, and --fail prints none for an error.
        }
        else if (fetch.OutputPath is { } path)
        {
            FileStream file = File.Create(path);
            await using (file.ConfigureAwait(false))
            {
                await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (console.OpenOutput is { } openOutput)
        {
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false); // -i's head first
            Stream output = openOutput();
            await response.Content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteAsync(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (response.IsSuccessStatusCode)
        {
            return ExitCodes.Ok;
        }

        string? reason = null;
        (response.RequestMessage ?? request).Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out reason);
        await SayAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"fetch: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(reason is null ? "" : ": " + reason)}")).ConfigureAwait(false);
        return ExitCodes.HttpError;
    }

    private static string Describe(Exception e)
    {
        // HttpRequestException wraps the socket error; the innermost message says what happened.
        string message = e.Message;
        if (e is HttpRequestException { InnerException: { } inner } && inner.Message.Length > 0 && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += " (" + inner.Message + ")";
        }

        return SecretMasking.MaskUserInfo(message.ReplaceLineEndings(" "));
    }
}
