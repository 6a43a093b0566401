# The connection controls (issue: everyday web-client controls): -SkipCertificateCheck against
# a self-signed TLS front, -Proxy/-ProxyCredential/-NoProxy through a proxy that demands
# credentials, -Headers/-UserAgent on the wire and masked in -Debug, sessions that remember
# what they were opened with, and -TimeoutSec/-MaximumRetryCount on the Hub commands. All
# servers are the project's fake ones on 127.0.0.1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    $script:Tls = Start-FakeGradio -Profile v5 -App simple -ServerArgument '--https' -LifetimeSec 600
    # Answers as the app to whatever URL is asked through it, once given these proxy credentials.
    $script:ProxyServer = Start-FakeGradio -Profile v5 -App simple -ServerArgument '--proxy-auth', 'proxyuser:proxy-pass-123' -LifetimeSec 600
    $script:ProxyLogin = [pscredential]::new('proxyuser', (ConvertTo-SecureString 'proxy-pass-123' -AsPlainText -Force))
    # Nothing listens here: only a request sent through the proxy gets an answer.
    $script:Nowhere = "http://127.0.0.1:$(Get-FreeTcpPort)/"
}

AfterAll {
    Get-GradioSessionApiProxyFunction '*' | Remove-GradioSessionApiProxyFunction
    Get-GradioSession | Remove-GradioSession
    Stop-RealGradio $Tls
    Stop-RealGradio $ProxyServer
}

Describe 'A self-signed TLS front' {
    It 'is refused without -SkipCertificateCheck, as an unreachable app' {
        { Get-GradioInfo $Tls.Url -DisableRetry } | Should -Throw -ErrorId 'GradioUnreachable,*'
    }

    It 'is reached with -SkipCertificateCheck' {
        $info = Get-GradioInfo $Tls.Url -SkipCertificateCheck
        $info.named_endpoints.PSObject.Properties.Name | Should -Contain '/Op1'
    }

    It 'is remembered by a session: its calls and generated functions need no switch' {
        $s = New-GradioSession $Tls.Url -Name tls-session -SkipCertificateCheck
        $r = Invoke-GradioSessionApi Op1 @(0) -Session $s | Update-GradioSessionApiResult -Session $s
        $r | Should -Not -BeNullOrEmpty
        New-GradioSessionApiProxyFunction -Session $s -Prefix TlsFn
        @(TlsFnOp1 -Duration 0) | Should -Not -BeNullOrEmpty
    }
}

Describe 'A proxy that asks for credentials' {
    It 'is not used unless given: the address answers nothing' {
        { Get-GradioInfo $Nowhere -DisableRetry -TimeoutSec 5 } | Should -Throw -ErrorId 'GradioUnreachable,*'
    }

    It 'refuses a request without -ProxyCredential (HTTP 407)' {
        $e = $null
        try { Get-GradioInfo $Nowhere -Proxy $ProxyServer.Url -DisableRetry } catch { $e = $_ }
        $e | Should -Not -BeNullOrEmpty
        "$e" | Should -Match '407'
    }

    It 'carries the request with -ProxyCredential' {
        $info = Get-GradioInfo $Nowhere -Proxy $ProxyServer.Url -ProxyCredential $ProxyLogin
        $info.named_endpoints.PSObject.Properties.Name | Should -Contain '/Op1'
    }

    It 'is remembered by a session, and never shows the proxy password in -Debug' {
        $s = New-GradioSession $Nowhere -Name proxied -Proxy $ProxyServer.Url -ProxyCredential $ProxyLogin
        $sent = @(Invoke-GradioSessionApi Op1 @(0) -Session $s -Verbose -Debug 4>&1 5>&1)
        $call = $sent | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] }
        $read = @($call | Update-GradioSessionApiResult -Session $s -Verbose -Debug 4>&1 5>&1)
        $read | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] } | Should -Not -BeNullOrEmpty
        ($sent + $read | ForEach-Object { "$_" }) -join "`n" | Should -Not -Match 'proxy-pass-123'
    }

    It 'refuses -Proxy together with -NoProxy as an invalid argument' {
        { Get-GradioInfo $Nowhere -Proxy $ProxyServer.Url -NoProxy } | Should -Throw -ErrorId 'GradioInvalidArgument,*'
    }
}

Describe '-Headers and -UserAgent' {
    It 'go on every request, and a token-like header is masked in -Debug' {
        $lines = Get-GradioInfo $ProxyServer.Url -Headers @{ 'X-Trace' = 'trace-42'; 'X-IP-Token' = 'ip-token-secret-987' } -UserAgent 'ScriptAgent/2.0' -Verbose -Debug 4>&1 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        $lines | Should -Contain '  request X-Trace: trace-42'
        $lines | Should -Contain '  request User-Agent: ScriptAgent/2.0'
        $lines | Should -Contain '  request X-IP-Token: ***'
        ($lines -join "`n") | Should -Not -Match 'ip-token-secret-987'
    }

    It 'take a module-wide default from $PSDefaultParameterValues, which a command''s own value overrides' {
        $PSDefaultParameterValues['*-Gradio*:UserAgent'] = 'DefaultAgent/1.0'
        try {
            $lines = Get-GradioInfo $ProxyServer.Url -Verbose -Debug 4>&1 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
            $lines | Should -Contain '  request User-Agent: DefaultAgent/1.0'
            $own = Get-GradioInfo $ProxyServer.Url -UserAgent 'Own/2.0' -Verbose -Debug 4>&1 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
            $own | Should -Contain '  request User-Agent: Own/2.0'
        } finally { $PSDefaultParameterValues.Remove('*-Gradio*:UserAgent') }
    }

    It 'are remembered by a session opened with them' {
        $s = New-GradioSession $ProxyServer.Url -Name with-headers -Headers @{ 'X-Trace' = 'session-7' }
        $lines = Invoke-GradioSessionApi Op1 @(0) -Session $s -Verbose -Debug 4>&1 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        $lines | Should -Contain '  request X-Trace: session-7'
    }
}

Describe 'The Hub commands'' time bound' {
    BeforeAll {
        $script:SavedEndpoint = $env:HF_ENDPOINT
        # Accepts connections and never answers: a Hub mirror that hangs.
        $script:Silent = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $Silent.Start()
        $env:HF_ENDPOINT = "http://127.0.0.1:$($Silent.LocalEndpoint.Port)"
    }
    AfterAll {
        $Silent.Stop()
        $env:HF_ENDPOINT = $SavedEndpoint
    }

    It 'fails as HuggingFaceTimeout within -TimeoutSec when nothing answers' {
        { Find-HuggingFaceModel -Search x -Limit 1 -TimeoutSec 1 -MaximumRetryCount 0 } | Should -Throw -ErrorId 'HuggingFaceTimeout,*'
    }

    It 'takes a module-wide -TimeoutSec and -MaximumRetryCount from $PSDefaultParameterValues' {
        $PSDefaultParameterValues['*-HuggingFace*:TimeoutSec'] = 1
        $PSDefaultParameterValues['*-HuggingFace*:MaximumRetryCount'] = 0
        try {
            { Find-HuggingFaceModel -Search x -Limit 1 } | Should -Throw -ErrorId 'HuggingFaceTimeout,*'
        } finally {
            $PSDefaultParameterValues.Remove('*-HuggingFace*:TimeoutSec')
            $PSDefaultParameterValues.Remove('*-HuggingFace*:MaximumRetryCount')
        }
    }

    It 'tries again -MaximumRetryCount times, each try in -Verbose' {
        $lines = & {
            try { Find-HuggingFaceModel -Search x -Limit 1 -TimeoutSec 1 -MaximumRetryCount 2 -RetryIntervalSec 1 -Verbose } catch { }
        } 4>&1 | ForEach-Object { "$_" }
        @($lines | Where-Object { $_ -match 'attempt \d of 3' }).Count | Should -Be 2
    }
}

Describe 'huggingface_hub''s switches: HF_HUB_OFFLINE and HF_HUB_DISABLE_IMPLICIT_TOKEN' {
    BeforeAll {
        $script:Alice = 'hf_alicetoken000000000000000000000000'
        $script:SavedHub = Clear-HubEnvironment
        $env:HF_HOME = Join-Path ([IO.Path]::GetTempPath()) "phf-connection-$PID"
        $script:HubServer = Start-FakeHub
        $env:HF_ENDPOINT = $HubServer.Url.TrimEnd('/')
        $env:HF_TOKEN = $Alice
    }
    AfterAll {
        Stop-RealGradio $HubServer
        Restore-HubEnvironment $SavedHub
    }
    AfterEach {
        $env:HF_HUB_OFFLINE = $null
        $env:HF_HUB_DISABLE_IMPLICIT_TOKEN = $null
    }

    It 'HF_HUB_OFFLINE: nothing is sent, with a classified error that says why' {
        (Get-HuggingFaceWhoami).name | Should -Not -BeNullOrEmpty
        $env:HF_HUB_OFFLINE = '1'
        $e = $null
        try { Get-HuggingFaceWhoami } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'HuggingFaceOffline,*'
        $e.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        "$e" | Should -Match 'HF_HUB_OFFLINE'
    }

    It 'HF_HUB_DISABLE_IMPLICIT_TOKEN: HF_TOKEN is not sent, a token given with -Token is' {
        $env:HF_HUB_DISABLE_IMPLICIT_TOKEN = 'true'
        { Get-HuggingFaceWhoami } | Should -Throw -ErrorId 'HuggingFaceAuthenticationRequired,*'
        $secure = ConvertTo-SecureString $Alice -AsPlainText -Force
        (Get-HuggingFaceWhoami -Token $secure).name | Should -Not -BeNullOrEmpty
    }
}
