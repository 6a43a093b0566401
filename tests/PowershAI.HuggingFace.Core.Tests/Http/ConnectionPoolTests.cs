using System;
using System.Net;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Http;

/// <summary>A login lives in a connection's cookies, so connections are kept apart by credential.</summary>
public class ConnectionPoolTests
{
    static readonly Uri Root = new("http://app.test/");

    [Fact]
    public void Each_credential_has_its_own_connection_and_the_same_one_shares_it()
    {
        var pool = new ConnectionPool();
        var right = pool.For(Root, new NetworkCredential("user", "pass"));
        Assert.Same(right, pool.For(new Uri("HTTP://APP.test/"), new NetworkCredential("user", "pass")));
        Assert.NotSame(right, pool.For(Root, new NetworkCredential("user", "wrong")));
        Assert.NotSame(right, pool.For(Root, null));
        Assert.Same(pool.For(Root, null), pool.For(Root, null));
    }

    [Fact]
    public void A_raw_URL_finds_the_connection_of_its_app_for_the_same_credential_only()
    {
        var pool = new ConnectionPool();
        var cred = new NetworkCredential("user", "pass");
        var app = pool.For(new Uri("http://app.test/sub/app/"), cred);
        Assert.Same(app, pool.ForUrl(new Uri("http://app.test/sub/app/gradio_api/info"), cred));
        Assert.NotSame(app, pool.ForUrl(new Uri("http://app.test/sub/app/gradio_api/info"), null));
    }
}
