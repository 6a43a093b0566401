using System;
using System.IO;
using System.Net;
using PowershAI.HuggingFace.Core.Hub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

[Collection(HubEnvironmentCollection.Name)]
public sealed class HubTokenDiscoveryTests : HubEnvironmentTest
{
    static System.Security.SecureString Secure(string text) => new NetworkCredential("", text).SecurePassword;

    [Fact]
    public void Each_source_wins_over_the_ones_after_it()
    {
        var file = Path.Combine(Temp, "token");
        File.WriteAllText(file, "hf_fromfile\n");
        Environment.SetEnvironmentVariable("HF_TOKEN_PATH", file);
        Environment.SetEnvironmentVariable("HF_API_TOKEN", "hf_fromapitoken");
        Environment.SetEnvironmentVariable("HUGGING_FACE_HUB_TOKEN", "hf_fromlegacy");
        Environment.SetEnvironmentVariable("HF_TOKEN", "hf_fromhftoken");
        TokenSource.SetSessionToken(Secure("hf_fromsession"));

        AssertToken(TokenSource.Resolve(Secure("hf_fromparameter")), TokenOrigin.Parameter, "hf_fromparameter", "-Token");
        AssertToken(TokenSource.Resolve(), TokenOrigin.Session, "hf_fromsession", "Set-HuggingFaceToken");
        TokenSource.SetSessionToken(null);
        AssertToken(TokenSource.Resolve(), TokenOrigin.EnvironmentVariable, "hf_fromhftoken", "HF_TOKEN environment");
        Environment.SetEnvironmentVariable("HF_TOKEN", null);
        AssertToken(TokenSource.Resolve(), TokenOrigin.EnvironmentVariable, "hf_fromlegacy", "HUGGING_FACE_HUB_TOKEN");
        Environment.SetEnvironmentVariable("HUGGING_FACE_HUB_TOKEN", null);
        AssertToken(TokenSource.Resolve(), TokenOrigin.EnvironmentVariable, "hf_fromapitoken", "HF_API_TOKEN");
        Environment.SetEnvironmentVariable("HF_API_TOKEN", null);
        AssertToken(TokenSource.Resolve(), TokenOrigin.TokenFile, "hf_fromfile", file);
        File.Delete(file);
        Assert.Same(HubToken.None, TokenSource.Resolve());
    }

    [Fact]
    public void Anonymous_beats_every_source()
    {
        Environment.SetEnvironmentVariable("HF_TOKEN", "hf_fromhftoken");
        TokenSource.SetSessionToken(Secure("hf_fromsession"));

        var token = TokenSource.Resolve(Secure("hf_fromparameter"), anonymous: true);

        Assert.Same(HubToken.Anonymous, token);
        Assert.False(token.HasValue);
        Assert.Null(token.Reveal());
    }

    [Fact]
    public void Blank_values_are_skipped_and_values_are_trimmed()
    {
        Environment.SetEnvironmentVariable("HF_TOKEN", "   ");
        Environment.SetEnvironmentVariable("HUGGING_FACE_HUB_TOKEN", "  hf_padded \r\n");
        TokenSource.SetSessionToken(Secure(""));

        AssertToken(TokenSource.Resolve(Secure("")), TokenOrigin.EnvironmentVariable, "hf_padded", "HUGGING_FACE_HUB_TOKEN");
    }

    [Fact]
    public void The_session_token_is_a_copy_the_caller_may_dispose()
    {
        var mine = Secure("hf_session");
        TokenSource.SetSessionToken(mine);
        mine.Dispose();

        Assert.True(TokenSource.HasSessionToken);
        Assert.Equal("hf_session", TokenSource.Resolve().Reveal());
    }

    [Fact]
    public void The_token_file_is_HF_TOKEN_PATH_then_HF_HOME_then_XDG_CACHE_HOME_then_the_home_cache()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".cache", "huggingface", "token"), TokenFile.Path);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(Temp, "xdg"));
        Assert.Equal(Path.Combine(Temp, "xdg", "huggingface", "token"), TokenFile.Path);
        Environment.SetEnvironmentVariable("HF_HOME", Path.Combine(Temp, "hf"));
        Assert.Equal(Path.Combine(Temp, "hf", "token"), TokenFile.Path);
        Environment.SetEnvironmentVariable("HF_TOKEN_PATH", Path.Combine(Temp, "elsewhere", "my-token"));
        Assert.Equal(Path.Combine(Temp, "elsewhere", "my-token"), TokenFile.Path);
    }

    [Fact]
    public void A_token_file_under_HF_HOME_is_found()
    {
        Environment.SetEnvironmentVariable("HF_HOME", Temp);
        File.WriteAllText(Path.Combine(Temp, "token"), "hf_fromhome");

        AssertToken(TokenSource.Resolve(), TokenOrigin.TokenFile, "hf_fromhome", Path.Combine(Temp, "token"));
    }

    [Fact]
    public void Persist_writes_the_token_file_readable_by_the_user_only_and_it_is_found_again()
    {
        Environment.SetEnvironmentVariable("HF_HOME", Path.Combine(Temp, "new-home"));
        var path = TokenFile.Persist(Secure(" hf_persisted "));

        Assert.Equal(Path.Combine(Temp, "new-home", "token"), path);
        Assert.Equal("hf_persisted", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temp file left behind
        AssertToken(TokenSource.Resolve(), TokenOrigin.TokenFile, "hf_persisted", path);
    }

    [Fact]
    public void Persist_replaces_a_world_readable_file_with_a_private_one()
    {
        var path = Path.Combine(Temp, "token");
        Environment.SetEnvironmentVariable("HF_TOKEN_PATH", path);
        File.WriteAllText(path, "hf_old_and_longer_than_the_new_one");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100); // 0644

        TokenFile.Persist(Secure("hf_new"));

        Assert.Equal("hf_new", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Endpoints_come_from_the_setting_then_the_environment_then_the_default()
    {
        Assert.Equal("https://huggingface.co/", HubEndpoint.Current.AbsoluteUri);
        Assert.Equal("https://router.huggingface.co/v1", HubEndpoint.Router.AbsoluteUri);

        Environment.SetEnvironmentVariable("HF_ENDPOINT", "https://hf-mirror.example/");
        Environment.SetEnvironmentVariable("HF_INFERENCE_ENDPOINT", "http://127.0.0.1:9/v1/");
        Assert.Equal("https://hf-mirror.example/", HubEndpoint.Current.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/v1", HubEndpoint.Router.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/v1/chat/completions", HubEndpoint.Join(HubEndpoint.Router, "chat/completions").AbsoluteUri);

        HubEndpoint.Override = "http://127.0.0.1:8";
        HubEndpoint.RouterOverride = "http://127.0.0.1:7/v1";
        Assert.Equal("http://127.0.0.1:8/", HubEndpoint.Current.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:7/v1", HubEndpoint.Router.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:8/api/models", new HubClient(new HubClientOptions { Token = HubToken.Anonymous }).Url("/api/models").AbsoluteUri);

        HubEndpoint.Override = "not a url";
        Assert.Equal(HubErrorKind.InvalidArgument, Assert.Throws<HubException>(() => HubEndpoint.Current).Kind);
    }

    [Fact]
    public void A_client_without_a_token_option_discovers_one()
    {
        Environment.SetEnvironmentVariable("HF_TOKEN", "hf_discovered");

        var client = new HubClient(new HubClientOptions { Endpoint = new Uri("http://127.0.0.1:8/") });

        Assert.Equal(TokenOrigin.EnvironmentVariable, client.Token.Origin);
        Assert.Equal("hf_discovered", client.Token.Reveal());
    }

    [Fact]
    public void The_plain_token_is_given_out_only_for_a_url_in_scope()
    {
        HubEndpoint.Override = "http://127.0.0.1:8";
        var token = TokenSource.Resolve(Secure("hf_scoped"));

        Assert.Equal("hf_scoped", token.RevealFor(new Uri("http://127.0.0.1:8/api/spaces/owner/demo")));
        Assert.Null(token.RevealFor(new Uri("http://127.0.0.1:9/config")));
        Assert.Null(token.RevealFor(new Uri("https://evil.example/")));
        Assert.Null(HubToken.None.RevealFor(new Uri("http://127.0.0.1:8/")));
    }

    static void AssertToken(HubToken token, TokenOrigin origin, string value, string sourceMentions)
    {
        Assert.Equal(origin, token.Origin);
        Assert.Equal(value, token.Reveal());
        Assert.Contains(sourceMentions, token.Source);
        Assert.DoesNotContain(value, token.Source);
        Assert.DoesNotContain(value, token.ToString());
    }
}
