namespace AuthActors.Host;

/// <summary>
/// The AuthActors host. Until its commands land it says what it will do; see the README.
/// </summary>
internal static class Program
{
    private static int Main()
    {
        Console.WriteLine("AuthActors host");
        Console.WriteLine("  demo   (default) start an embedded Digest server on 127.0.0.1 and crawl it through AuthActors");
        Console.WriteLine("  fetch  one authenticated request, curl-like");
        Console.WriteLine("  crawl  many URLs from a file, with progress and a JSON-lines report");
        Console.WriteLine("  serve  the embedded Digest server on its own");
        Console.WriteLine("  bench  no auth vs AuthActors vs .NET's built-in Digest, side by side");
        Console.WriteLine("These commands are being built; this run only lists them.");
        return 0;
    }
}
