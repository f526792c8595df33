using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;

namespace AuthActors.Host.Commands;

/// <summary>
/// Sits below the AuthActors handler, so it sees every request that goes on the wire (a
/// challenge and its answer are two): counts them in <see cref="AttemptsKey"/> when the caller set
/// a counter there, and with a <c>verbose</c> writer prints each request's and response's headers,
/// curl-style, credentials masked (<see cref="SecretMasking.MaskAuthorization"/>).
/// </summary>
internal sealed class WireHandler(TextWriter? verbose) : DelegatingHandler
{
    /// <summary>Set a <see cref="StrongBox{T}"/> here before sending; it counts the wire attempts (redirect hops included, since options follow the request).</summary>
    public static readonly HttpRequestOptionsKey<StrongBox<int>> AttemptsKey = new("AuthActors.Host.Attempts");

    private readonly Lock _writeLock = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptsKey, out StrongBox<int>? attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }

        if (verbose is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        Write(DescribeRequest(request));
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Write(DescribeResponse(response));
        return response;
    }

    /// <summary>The request as <c>&gt; </c> lines: request line, Host, headers (credentials masked), a blank line.</summary>
    internal static string DescribeRequest(HttpRequestMessage request)
    {
        Uri uri = request.RequestUri!;
        var text = new StringBuilder();
        text.Append("> ").Append(request.Method.Method).Append(' ').Append(uri.PathAndQuery)
            .Append(" HTTP/").Append(request.Version.ToString(2)).Append('\n');
        text.Append("> Host: ").Append(uri.Authority).Append('\n');
        AppendHeaders(text, "> ", request.Headers);
        if (request.Content is { } content)
        {
            AppendHeaders(text, "> ", content.Headers);
        }

        return text.Append(">\n").ToString();
    }

    /// <summary>The response as <c>&lt; </c> lines: status line, headers, a blank line.</summary>
    internal static string DescribeResponse(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        text.Append("< HTTP/").Append(response.Version.ToString(2)).Append(' ')
            .Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append('\n');
        AppendHeaders(text, "< ", response.Headers);
        AppendHeaders(text, "< ", response.Content.Headers);
        return text.Append("<\n").ToString();
    }

    private static void AppendHeaders(StringBuilder text, string prefix, HttpHeaders headers)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            if (SecretMasking.IsCredentialHeader(header.Key))
            {
                foreach (string value in header.Value)
                {
                    text.Append(prefix).Append(header.Key).Append(": ").Append(SecretMasking.MaskAuthorization(value)).Append('\n');
                }
            }
            else
            {
                text.Append(prefix).Append(header.Key).Append(": ").Append(header.Value.ToString()).Append('\n');
            }
        }
    }

    private void Write(string text)
    {
        lock (_writeLock)
        {
            verbose!.Write(text);
        }
    }
}
