namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>Where the token of a call came from, for a whoami view and for error hints.</summary>
public enum TokenOrigin
{
    /// <summary>Nothing was found anywhere: requests go out without a token.</summary>
    None,
    /// <summary>The caller asked for no token (-NoToken).</summary>
    Anonymous,
    /// <summary>Passed on the call (-Token).</summary>
    Parameter,
    /// <summary>Set for the session (Set-HuggingFaceToken).</summary>
    Session,
    /// <summary>HF_TOKEN, HUGGING_FACE_HUB_TOKEN or HF_API_TOKEN.</summary>
    EnvironmentVariable,
    /// <summary>The token file (HF_TOKEN_PATH, $HF_HOME/token, ~/.cache/huggingface/token).</summary>
    TokenFile,
}
