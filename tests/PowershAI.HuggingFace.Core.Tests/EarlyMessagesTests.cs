using System.Linq;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Gradio.Transports;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Messages kept for events whose join answer has not come back: in order, and bounded.</summary>
public class EarlyMessagesTests
{
    static QueueMessage Msg(string eventId, int n) => new(new JsonObject { ["msg"] = "progress", ["event_id"] = eventId, ["n"] = n });

    [Fact]
    public void Keeps_each_events_messages_in_order_until_taken()
    {
        var early = new EarlyMessages();
        early.Add("a", Msg("a", 1));
        early.Add("b", Msg("b", 1));
        early.Add("a", Msg("a", 2));

        var a = early.Take("a", out var lost);
        Assert.False(lost);
        Assert.Equal(new[] { 1, 2 }, a!.Select(m => m.Whole!["n"]!.GetValue<int>()));
        Assert.Null(early.Take("a", out _));
        Assert.Equal(1, early.Count);
    }

    [Fact]
    public void Past_the_message_cap_the_oldest_event_is_dropped_and_reported_lost()
    {
        var early = new EarlyMessages();
        early.Add("old", Msg("old", 0));
        for (var i = 0; i < EarlyMessages.MaxMessages; i++) early.Add("busy", Msg("busy", i));

        Assert.Null(early.Take("old", out var oldLost));
        Assert.True(oldLost);
        Assert.Equal(EarlyMessages.MaxMessages, early.Take("busy", out var busyLost)!.Count);
        Assert.False(busyLost);
    }

    [Fact]
    public void Past_the_event_cap_the_oldest_event_is_dropped_and_reported_lost()
    {
        var early = new EarlyMessages();
        for (var i = 0; i <= EarlyMessages.MaxEvents; i++) early.Add("e" + i, Msg("e" + i, i));

        Assert.Null(early.Take("e0", out var lost));
        Assert.True(lost);
        Assert.NotNull(early.Take("e1", out var kept));
        Assert.False(kept);
        Assert.Equal(EarlyMessages.MaxEvents - 1, early.Count);
    }

    [Fact]
    public void An_event_lost_once_keeps_nothing_more()
    {
        var early = new EarlyMessages();
        for (var i = 0; i <= EarlyMessages.MaxEvents; i++) early.Add("e" + i, Msg("e" + i, i));
        early.Add("e0", Msg("e0", 99));

        Assert.Null(early.Take("e0", out var lost));
        Assert.True(lost);
    }
}
