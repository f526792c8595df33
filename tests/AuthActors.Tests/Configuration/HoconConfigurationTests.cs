using System.Text;
using AuthActors.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Tests.Configuration;

/// <summary>HOCON through <see cref="ConfigurationBuilder"/>: files, reload, layering, the embedded reference.conf.</summary>
public sealed class HoconConfigurationTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddHoconFile_ExistingFile_ExposesFlattenedKeys()
    {
        _dir.Write("app.conf", "authactors { ask-timeout = 7s, credentials.sources = [memory, netrc] }");

        IConfigurationRoot config = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("app.conf").Build();

        Assert.Equal("7s", config["authactors:ask-timeout"]);
        Assert.Equal("netrc", config["authactors:credentials:sources:1"]);
    }

    [Fact]
    public void AddHoconFile_AbsolutePath_Loads()
    {
        string path = _dir.Write("app.conf", "a = 1");

        IConfigurationRoot config = new ConfigurationBuilder().AddHoconFile(path).Build();

        Assert.Equal("1", config["a"]);
    }

    [Fact]
    public void AddHoconFile_OptionalMissingFile_BuildsWithoutKeys()
    {
        IConfigurationRoot config = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("missing.conf", optional: true).Build();

        Assert.Empty(config.AsEnumerable());
    }

    [Fact]
    public void AddHoconFile_RequiredMissingFile_Throws()
    {
        IConfigurationBuilder builder = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("missing.conf");

        Assert.Throws<FileNotFoundException>(() => builder.Build());
    }

    [Fact]
    public void AddHoconFile_InvalidFile_ThrowsWithTheHoconPosition()
    {
        _dir.Write("app.conf", "a = 1\nb = @");
        IConfigurationBuilder builder = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("app.conf");

        // FileConfigurationProvider wraps what Load(Stream) throws, as it does for JSON.
        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => builder.Build());

        HoconParseException inner = Assert.IsType<HoconParseException>(ex.InnerException);
        Assert.StartsWith("app.conf:2:5: reserved character '@'", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHoconFile_Include_ResolvesAgainstTheFilesOwnDirectory()
    {
        _dir.Write("conf/app.conf", "include required(\"extra.conf\")\na = ${b}");
        _dir.Write("conf/extra.conf", "b = from-extra");

        IConfigurationRoot config = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("conf/app.conf").Build();

        Assert.Equal("from-extra", config["a"]);
    }

    [Fact]
    public void AddHoconFile_ParseOptions_AreUsedForSubstitutions()
    {
        _dir.Write("app.conf", "password = ${?API_PASSWORD}");

        IConfigurationRoot config = new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.Path = Path.Combine(_dir.Path, "app.conf");
                source.ParseOptions = new HoconParseOptions { GetEnvironmentVariable = n => n == "API_PASSWORD" ? "s3cret" : null };
                source.ResolveFileProvider();
            })
            .Build();

        Assert.Equal("s3cret", config["password"]);
    }

    [Fact]
    public async Task AddHoconFile_ReloadOnChange_FiresTheReloadTokenWithTheNewValues()
    {
        string path = _dir.Write("app.conf", "authactors.ask-timeout = 5s");
        IConfigurationRoot config = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("app.conf", optional: false, reloadOnChange: true).Build();
        try
        {
            // A rewrite can raise more than one change (truncate, then write); wait for the
            // reload that sees the new text.
            var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using IDisposable registration = ChangeToken.OnChange(config.GetReloadToken, () =>
            {
                if (config["authactors:ask-timeout"] == "9s")
                {
                    reloaded.TrySetResult();
                }
            });

            await File.WriteAllTextAsync(path, "authactors.ask-timeout = 9s");
            await reloaded.Task.WaitAsync(s_timeout);

            Assert.Equal("9s", config["authactors:ask-timeout"]);
        }
        finally
        {
            (config as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void AddInMemoryCollection_AfterHocon_OverridesKeyByKey()
    {
        IConfigurationRoot config = new ConfigurationBuilder()
            .AddHoconString("authactors { ask-timeout = 5s, spaces.lease-mode = auto }", "base.conf")
            .AddInMemoryCollection(new Dictionary<string, string?> { ["authactors:spaces:lease-mode"] = "exclusive" })
            .Build();

        Assert.Equal("exclusive", config["authactors:spaces:lease-mode"]);
        Assert.Equal("5s", config["authactors:ask-timeout"]);
    }

    [Fact]
    public void AddHoconFile_AfterReference_OverridesOnlyWhatItSets()
    {
        _dir.Write("app.conf", "authactors.handler.buffer-limit = 2MiB");

        IConfigurationRoot config = new ConfigurationBuilder().AddAuthActorsReference().SetBasePath(_dir.Path).AddHoconFile("app.conf").Build();

        Assert.Equal("2MiB", config["authactors:handler:buffer-limit"]);
        Assert.Equal("true", config["authactors:handler:verify-rspauth"]);
    }

    [Fact]
    public void AddHoconString_InvalidText_ThrowsUnderTheGivenName()
    {
        IConfigurationBuilder builder = new ConfigurationBuilder().AddHoconString("a {", "inline.conf");

        HoconParseException ex = Assert.Throws<HoconParseException>(() => builder.Build());

        Assert.StartsWith("inline.conf:1:4: expected '}' to close '{' opened at 1:3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHoconStream_EmbeddedText_Loads()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a.b = [1, 2]")).ToArray());

        IConfigurationRoot config = new ConfigurationBuilder().AddHoconStream(stream).Build();

        Assert.Equal("2", config["a:b:1"]);
    }

    public static TheoryData<string, string?> ReferenceDefaults => new()
    {
        { "authactors:ask-timeout", "5s" },
        { "authactors:spaces:passivate-after", "2m" },
        { "authactors:spaces:discovery-timeout", "10s" },
        { "authactors:spaces:max-nonce-pool", "64" },
        { "authactors:spaces:lease-mode", "auto" },
        { "authactors:spaces:rejection-retry-after", "1m" },
        { "authactors:handler:buffer-limit", "1MiB" },
        { "authactors:policy:digest-domain-across-origins", "false" },
        { "authactors:policy:allow-downgrade", "false" },
        { "authactors:handler:verify-rspauth", "true" },
        { "authactors:policy:allow-md5", "true" },
        { "authactors:policy:allow-basic", "true" },
        { "authactors:policy:allow-basic-over-http", "true" },
        { "authactors:policy:minimum-algorithm", null },
        { "authactors:supervision:max-restarts", "10" },
        { "authactors:supervision:within", "1m" },
        { "authactors:cluster:enabled", "off" },
        { "authactors:cluster:nc-block-size", "256" },
        { "authactors:cluster:ask-timeout", "2s" },
        { "authactors:cluster:grant-timeout", "30s" },
        { "authactors:cluster:shards", "64" },
        { "authactors:cluster:share-bearer-tokens", "off" },
        { "authactors:handler:follow-redirects", "true" },
        { "authactors:handler:max-redirects", "10" },
        { "authactors:bearer:token-endpoint", null },
        { "authactors:bearer:scope", null },
        { "authactors:bearer:refresh-skew", "30s" },
        { "authactors:bearer:allow-http", "false" },
        { "authactors:credentials:sources", "memory, url-userinfo, configuration, environment, netrc" },
        { "authactors:credentials:netrc-file", null },
        { "authactors:credentials:environment-prefix", "AUTHACTORS_" },
        { "authactors:credentials:entries", null },
    };

    [Theory]
    [MemberData(nameof(ReferenceDefaults))]
    public void AddAuthActorsReference_EveryDocumentedKey_IsPresentWithItsDefault(string key, string? expected)
    {
        IConfigurationRoot config = new ConfigurationBuilder().AddAuthActorsReference().Build();

        Dictionary<string, string?> all = config.AsEnumerable().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        Assert.True(all.ContainsKey(key), $"reference.conf has no '{key}'");
        Assert.Equal(expected, all[key]);
    }

    [Fact]
    public void AddAuthActorsReference_HasNoKeysBeyondTheDocumentedOnes()
    {
        IConfigurationRoot config = new ConfigurationBuilder().AddAuthActorsReference().Build();

        IEnumerable<string> documented = ReferenceDefaults.Select(row => (string)row[0]);
        IEnumerable<string> leaves = config.AsEnumerable().Where(kv => kv.Value is not null || !config.GetSection(kv.Key).GetChildren().Any()).Select(kv => kv.Key);
        Assert.Equal(documented.Order(StringComparer.OrdinalIgnoreCase), leaves.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void CrawlerExample_OverReference_SetsItsOverridesAndCredentialEntries()
    {
        string crawler = FindRepositoryFile("hocon", "crawler.conf");
        var environment = new Dictionary<string, string> { ["ARCHIVE_PASSWORD"] = "archive-secret" };

        IConfigurationRoot config = new ConfigurationBuilder()
            .AddAuthActorsReference()
            .AddHoconFile(source =>
            {
                source.Path = crawler;
                source.ParseOptions = new HoconParseOptions { GetEnvironmentVariable = environment.GetValueOrDefault };
                source.ResolveFileProvider();
            })
            .Build();

        Assert.Equal("10s", config["authactors:ask-timeout"]);
        Assert.Equal("false", config["authactors:policy:allow-basic-over-http"]);
        Assert.Equal("https://archive.example.org", config["authactors:credentials:entries:archive:origin"]);
        Assert.Equal("archive-secret", config["authactors:credentials:entries:archive:password"]);
        Assert.Equal("http://proxy.internal.example:3128", config["authactors:credentials:entries:proxy:origin"]);
        Assert.Null(config["authactors:credentials:entries:proxy:password"]);
        Assert.Equal("10s", config["authactors:spaces:discovery-timeout"]);
    }

    private static string FindRepositoryFile(params string[] relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, .. relative]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("not found above the test directory", Path.Combine(relative));
    }
}
