namespace PowershAI.HuggingFace.Core;

/// <summary>
/// Text a server wrote, made safe to show in a terminal: control characters (C0 except tab and
/// line feed, DEL, C1) become U+FFFD, so an app's error, warning or progress text cannot move the
/// cursor, clear the screen, retitle the window or draw links with escape sequences. A carriage
/// return before a line feed is dropped (Windows line ends).
/// </summary>
public static class ServerText
{
    const char Replacement = '\uFFFD';

    public static string Printable(string text)
    {
        var first = FirstUnsafe(text);
        if (first < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            sb.Append(IsUnsafe(c) ? Replacement : c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A message as the user may see it (every GradioException's and HubException's): each secret
    /// the module has sent masked, no control characters.
    /// </summary>
    internal static string Shown(string message) => Printable(ClientState.Current.Secrets.Redact(message));

    static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsUnsafe(text[i])) return i;
        return -1;
    }

    static bool IsUnsafe(char c) => c is not ('\t' or '\n') && (c < ' ' || c is >= '\u007f' and <= '\u009f');
}
