using System;
using System.Net;
using System.Collections.Generic;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Http;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Http;

/// <summary>A login lives in a connection's cookies and a client is built for its proxy, certificate check and headers, so connections are kept apart by both.</summary>
public class ConnectionPoolTests
{
    static readonly Uri Root = new("http://app.test/");
    static readonly ConnectionSettings Default = ConnectionSettings.Default;

    [Fact]
    public void Each_credential_has_its_own_connection_and_the_same_one_shares_it()
    {
        var pool = new ConnectionPool();
        var right = pool.For(Root, new NetworkCredential("user", "pass"), Default);
        Assert.Same(right, pool.For(new Uri("HTTP://APP.test/"), new NetworkCredential("user", "pass"), Default));
        Assert.NotSame(right, pool.For(Root, new NetworkCredential("user", "wrong"), Default));
        Assert.NotSame(right, pool.For(Root, null, Default));
        Assert.Same(pool.For(Root, null, Default), pool.For(Root, null, Default));
    }

    [Fact]
    public void A_raw_URL_finds_the_connection_of_its_app_for_the_same_credential_only()
    {
        var pool = new ConnectionPool();
        var cred = new NetworkCredential("user", "pass");
        var app = pool.For(new Uri("http://app.test/sub/app/"), cred, Default);
        Assert.Same(app, pool.ForUrl(new Uri("http://app.test/sub/app/gradio_api/info"), cred, Default));
        Assert.NotSame(app, pool.ForUrl(new Uri("http://app.test/sub/app/gradio_api/info"), null, Default));
    }

    [Fact]
    public void Each_set_of_connection_controls_has_its_own_connection()
    {
        var pool = new ConnectionPool();
        var plain = pool.For(Root, null, Default);
        var headers = Default.With(new ConnectionOverrides { Headers = new Dictionary<string, string> { ["X-IP-Token"] = "a" } });
        var otherHeaders = Default.With(new ConnectionOverrides { Headers = new Dictionary<string, string> { ["X-IP-Token"] = "b" } });
        var insecure = Default.With(new ConnectionOverrides { SkipCertificateCheck = true });
        var proxied = Default.With(new ConnectionOverrides { Proxy = new Uri("http://proxy.test:3128/") });
        Assert.NotSame(plain, pool.For(Root, null, headers));
        Assert.NotSame(pool.For(Root, null, headers), pool.For(Root, null, otherHeaders));
        Assert.NotSame(plain, pool.For(Root, null, insecure));
        Assert.NotSame(plain, pool.For(Root, null, proxied));
        // Equal settings made apart are the same identity.
        Assert.Same(pool.For(Root, null, insecure), pool.For(Root, null, Default.With(new ConnectionOverrides { SkipCertificateCheck = true })));
        Assert.Same(plain, pool.For(Root, null, Default.With(new ConnectionOverrides())));
    }

    [Fact]
    public void A_command_changes_only_what_it_names_of_a_sessions_controls()
    {
        var session = Default.With(new ConnectionOverrides
        {
            SkipCertificateCheck = true,
            Proxy = new Uri("http://proxy.test:3128/"),
            Headers = new Dictionary<string, string> { ["X-A"] = "1", ["X-B"] = "2" },
        });
        var command = session.With(new ConnectionOverrides { Headers = new Dictionary<string, string> { ["x-b"] = "3" }, UserAgent = "Agent/1" });
        Assert.True(command.SkipCertificateCheck);
        Assert.Equal(new Uri("http://proxy.test:3128/"), command.Proxy);
        Assert.Equal("1", command.Headers["X-A"]);
        Assert.Equal("3", command.Headers["X-B"]);
        Assert.Equal("Agent/1", command.UserAgent);
        var direct = session.With(new ConnectionOverrides { NoProxy = true });
        Assert.True(direct.NoProxy);
        Assert.Null(direct.Proxy);
        Assert.False(session.With(new ConnectionOverrides { SkipCertificateCheck = false }).SkipCertificateCheck);
    }

    [Fact]
    public void The_identity_holds_no_password_or_header_value()
    {
        var settings = Default.With(new ConnectionOverrides
        {
            ProxyCredential = new NetworkCredential("u", "proxy-secret-1"),
            Headers = new Dictionary<string, string> { ["X-IP-Token"] = "header-secret-2" },
        });
        Assert.DoesNotContain("proxy-secret-1", settings.Identity, StringComparison.Ordinal);
        Assert.DoesNotContain("header-secret-2", settings.Identity, StringComparison.Ordinal);
    }
}
