using PowershAI.HuggingFace.Core.Hub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Server text shown in a terminal carries no control characters (Core/ServerText.cs).</summary>
public class ServerTextTests
{
    [Theory]
    [InlineData("plain text, tabs\tand\nlines", "plain text, tabs\tand\nlines")]
    [InlineData("\u001b]0;title\u0007\u001b[2Jboom", "\uFFFD]0;title\uFFFD\uFFFD[2Jboom")]
    [InlineData("C1 \u009b31m and DEL \u007f", "C1 \uFFFD31m and DEL \uFFFD")]
    [InlineData("windows\r\nline ends, a lone \r return", "windows\nline ends, a lone \uFFFD return")]
    [InlineData("back\bspace and nul\0", "back\uFFFDspace and nul\uFFFD")]
    public void Control_characters_become_the_replacement_character(string text, string expected) =>
        Assert.Equal(expected, ServerText.Printable(text));

    [Fact]
    public void Clean_text_is_returned_as_it_is() =>
        Assert.Same("résumé 漢字 ‮", ServerText.Printable("résumé 漢字 ‮"));

    [Fact]
    public void Exceptions_hold_printable_messages()
    {
        Assert.Equal("app said \uFFFD[31mno", new GradioException(GradioErrorKind.AppError, "app said \u001b[31mno") { Title = "t\u001b" }.Message);
        Assert.Equal("t\uFFFD", new GradioException(GradioErrorKind.AppError, "x") { Title = "t\u001b" }.Title);
        Assert.Equal("hub \uFFFD", new HubException(HubErrorKind.RepoNotFound, "hub \u0007").Message);
    }
}
