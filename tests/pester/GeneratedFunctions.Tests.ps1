# The contract of generated functions on genuine Gradio 5.14.0: failures reported as the function's
# own, arguments bound once by name, -DebugData showing the wire inputs and no secret, NaN refused,
# -MaxDurationSec; and -MaxHeartBeats on the project's fake server (genuine heartbeats come every 15 s).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
}

Describe 'Generated functions on Gradio 5.14.0 (genuine)' -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        $script:Endpoints = Start-RealGradio -App endpoints-app.py
        $script:Config = Start-RealGradio -App (Join-Path $PSScriptRoot 'apps/config-app.py')
        $script:Session = New-GradioSession $Endpoints.Url -Name "gf-$PID"
        $null = New-GradioSessionApiProxyFunction -Session $Session -Prefix Gf
        $script:ConfigSession = New-GradioSession $Config.Url -Name "gf-config-$PID"
        $null = New-GradioSessionApiProxyFunction -Session $ConfigSession -Prefix Cfg
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-gf-$PID"
        $null = New-Item -ItemType Directory -Force $Work
        function script:CallsOf($Session) { @(Get-GradioSessionApi -Session $Session) }
    }
    AfterAll {
        foreach ($s in @($Session, $ConfigSession) | Where-Object { $_ }) {
            Get-GradioSessionApiProxyFunction $s | Remove-GradioSessionApiProxyFunction
            Remove-GradioSession $s
        }
        $Endpoints, $Config | Where-Object { $_ } | ForEach-Object { Stop-RealGradio $_ }
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }

    Context 'failures are the function''s own' {
        It 'names the function and the caller''s line for a missing file' {
            $e = $null
            try { GfFileSize -Path (Join-Path $Work 'nope.bin') } catch { $e = $_ }
            $e | Should -Not -BeNullOrEmpty
            $e.FullyQualifiedErrorId | Should -Be 'GradioFileNotFound,GfFileSize'
            $e.InvocationInfo.MyCommand.Name | Should -Be 'GfFileSize'
            $e.InvocationInfo.ScriptName | Should -Be $PSCommandPath
            $e.InvocationInfo.Line | Should -BeLike '*try { GfFileSize -Path*'
        }

        It 'names the function for the app''s gr.Error, with its text' {
            $e = $null
            try { GfRaiseGrError x } catch { $e = $_ }
            $e.FullyQualifiedErrorId | Should -Be 'GradioAppError,GfRaiseGrError'
            $e.Exception.Message | Should -Be 'custom message'
            $e.InvocationInfo.MyCommand.Name | Should -Be 'GfRaiseGrError'
            $e.InvocationInfo.Line | Should -BeLike '*try { GfRaiseGrError x }*'
        }

        It 'leaves in $Error the function''s record of the failure, once' {
            $global:Error.Clear()
            try { GfRaiseGrError x } catch { }
            $global:Error.Count | Should -Be 1
            $global:Error[0].FullyQualifiedErrorId | Should -Be 'GradioAppError,GfRaiseGrError'
            $global:Error[0].InvocationInfo.Line | Should -BeLike '*try { GfRaiseGrError x }*'
        }

        It 'stops a pipeline at a failing first function: no call to the second app, no data' {
            $before = (CallsOf $Session).Count
            $out = [Collections.Generic.List[object]]::new()
            { GfRaiseGrError x | GfTypedInputs -ApiResultMap Text=0 | ForEach-Object { $out.Add($_) } } |
                Should -Throw -ErrorId 'GradioAppError,GfRaiseGrError'
            $out.Count | Should -Be 0
            $calls = CallsOf $Session
            $calls.Count | Should -Be ($before + 1)
            $calls[-1].ApiName | Should -Be '/raise_gr_error'
        }

        It 'ends the statement without try/catch, as a cmdlet''s terminating error does' {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript({
                    param($Manifest, $SessionName)
                    Import-Module $Manifest
                    $null = New-GradioSessionApiProxyFunction -Session $SessionName -ApiName raise_gr_error, typed_inputs -Prefix Rs
                    RsRaiseGrError x | RsTypedInputs -ApiResultMap Text=0
                    'next statement'
                }).AddArgument($Manifest).AddArgument($Session.Name)
                $output = @($ps.Invoke())
                $output | Should -Be @('next statement')
                $ps.Streams.Error.Count | Should -Be 1
                $ps.Streams.Error[0].FullyQualifiedErrorId | Should -Be 'GradioAppError,RsRaiseGrError'
                $ps.Streams.Error[0].InvocationInfo.MyCommand.Name | Should -Be 'RsRaiseGrError'
            } finally {
                $ps.Dispose()
            }
        }

        It 'reports a failed piped item and goes on with the next, as the cmdlets do' {
            $errors = $null
            $out = @(1, 2 | ForEach-Object { GfAddNumbers -A $_ -B 0 } | GfRaiseGrError -ApiResultMap Text=0 -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Count | Should -Be 0
            $own = @($errors | Where-Object { $_ -is [Management.Automation.ErrorRecord] -and $_.InvocationInfo.MyCommand.Name -eq 'GfRaiseGrError' })
            $own.Count | Should -Be 2
            $own[0].FullyQualifiedErrorId | Should -Be 'GradioAppError,GfRaiseGrError'
        }
    }

    Context 'one contract, arguments bound once' {
        It 'calls once directly, or through one cmdlet for piped items, whatever global variables of the same names hold' {
            # A module's functions see the global scope, not their caller's.
            $global:SteppablePipeline = 'a global'
            $global:GradioCall = @{ ApiName = 'not this one' }
            try {
                GfAddNumbers -A 2 -B 3 -Result | Should -Be 5
                @(1, 2 | GfAddNumbers -A { $_ } -B 10 -Result) | Should -Be @(11, 12)
                $global:SteppablePipeline | Should -Be 'a global'
                $global:GradioCall.ApiName | Should -Be 'not this one'
            } finally {
                Remove-Variable -Scope Global -Name SteppablePipeline, GradioCall
            }
        }

        It 'declares every control parameter, with help' {
            $command = Get-Command GfAddNumbers
            $command.Parameters.MaxDurationSec.ParameterType | Should -Be ([int])
            $command.Parameters.MaxHeartBeats.ParameterType | Should -Be ([int])
            $command.Parameters.Manual.ParameterType | Should -Be ([switch])
            $command.Parameters.ApiResultMap.Aliases | Should -Be @('map', 'arm')
            $command.Parameters.PipeObj.Attributes.Where({ $_ -is [Parameter] }).ValueFromPipeline | Should -BeTrue
            (Get-Help GfAddNumbers -Parameter MaxDurationSec).description.Text | Should -BeLike '*cancel the job on the server*'
        }

        It 'sends a hashtable given for an input named config as that input''s value' {
            $r = CfgEchoConfig -Config @{ config = 42 } | Select-Object -Last 1
            $r.data[0].config | Should -Be 42
            (Invoke-GradioEndpoint echo_config @{ config = @{ config = 42 } } -Session $ConfigSession | Select-Object -Last 1).data[0].config | Should -Be 42
        }

        It 'refuses an input name the endpoint does not have' {
            { Invoke-GradioEndpoint add_numbers @{ a = 1; c = 2 } -Session $Session } | Should -Throw -ErrorId 'GradioInvalidArguments,*'
        }

        It 'keeps Send-GradioApi''s hashtable of inputs by name' {
            (Send-GradioApi $Endpoints.Url add_numbers @{ b = 5 } | Update-GradioApiResult | Select-Object -Last 1).data[0] | Should -Be 6
        }

        It 'returns with -DebugData the wire inputs, State slots included, and never the token' {
            $d = GfChat -Message hi -DebugData -ApiToken s3cret
            $d.ApiName | Should -Be '/chat'
            $d.Inputs.Count | Should -Be 2
            $d.Inputs[0] | Should -Be 'hi'
            $d.Inputs[1] | Should -BeNullOrEmpty
            $d.BoundParameters.ApiToken | Should -Not -Be 's3cret'
            $text = ($d | Out-String -Width 4096) + ($d.BoundParameters | Out-String -Width 4096) + ($d | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue)
            $text | Should -Not -Match 's3cret'
            (GfTypedInputs -Text hey -DebugData).Inputs -join '|' | Should -Be 'hey|3|4|True|beta|two'
        }

        It 'refuses NaN as an invalid argument before sending anything' {
            $before = (CallsOf $Session).Count
            { GfTypedInputs -Number ([double]::NaN) } | Should -Throw -ErrorId 'GradioInvalidArguments,GfTypedInputs'
            { GfTypedInputs -Slider ([double]::PositiveInfinity) } | Should -Throw -ErrorId 'GradioInvalidArguments,GfTypedInputs'
            (CallsOf $Session).Count | Should -Be $before
        }
    }

    Context '-Protocol' {
        It 'takes the queue by default and /call when asked, on the same session state' {
            function Count-Of($Call) {
                $text = ($Call | Update-GradioSessionApiResult -Session $Session | Select-Object -Last 1).data[-1]
                [int]([regex]::Match("$text", 'called count (\d+) time').Groups[1].Value)
            }
            $queued = GfCount -Manual
            $queued.ApiEvent.Protocol | Should -Be 'queue'
            $first = Count-Of $queued
            $called = GfCount -Manual -Protocol Call
            $called.ApiEvent.Protocol | Should -Be 'call'
            # gr.State is the session's, whichever way the call travelled.
            Count-Of $called | Should -Be ($first + 1)
            $first | Should -BeGreaterThan 0
        }

        It 'follows the caller''s $PSDefaultParameterValues, and refuses a route it does not know' {
            $PSDefaultParameterValues['GfCount:Protocol'] = 'Call'
            try {
                $call = GfCount -Manual
                $call.ApiEvent.Protocol | Should -Be 'call'
                $null = $call | Update-GradioSessionApiResult -Session $Session
            } finally { $PSDefaultParameterValues.Remove('GfCount:Protocol') }
            { GfCount -Protocol Nope } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,GfCount'
            (Get-Command GfCount).Parameters['Protocol'].ParameterType | Should -Be ([PowershAI.HuggingFace.Core.Gradio.GradioProtocol])
        }
    }

    Context '-MaxDurationSec' {
        It 'fails with GradioTimeout and cancels the job when the call outlasts it' {
            # /single_slot sleeps 2 s.
            { GfSingleSlot -MaxDurationSec 1 -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'GradioTimeout,GfSingleSlot'
            $call = (CallsOf $Session)[-1]
            $call.ApiName | Should -Be '/single_slot'
            $call.Status | Should -Be 'cancelled'
        }

        It 'is an entry of Invoke-GradioEndpoint too, and changes nothing for a call within it' {
            { Invoke-GradioEndpoint single_slot @{ MaxDurationSec = 1 } -Session $Session -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'GradioTimeout,PowershAI.HuggingFace.Cmdlets.InvokeGradioEndpointCommand'
            (GfAddNumbers -A 1 -B 2 -MaxDurationSec 60 | Select-Object -Last 1).data[0] | Should -Be 3
        }

        It 'must be 1 or more' {
            { GfAddNumbers -MaxDurationSec 0 } | Should -Throw -ErrorId 'GradioInvalidArguments,GfAddNumbers'
        }
    }
}

Describe '-MaxHeartBeats on the fake server' {
    BeforeAll {
        # /long yields at once, then every 5 s; the stream sends a heartbeat after each 200 ms of quiet.
        $script:Fake = Start-FakeGradio -Profile v5 -App full -ServerArgument '--heartbeat-ms', '200', '--step-delay-ms', '5000'
        $script:FakeSession = New-GradioSession $Fake.Url -Name "gf-fake-$PID"
        $null = New-GradioSessionApiProxyFunction -Session $FakeSession -ApiName long -Prefix Hb
    }
    AfterAll {
        if ($FakeSession) {
            Get-GradioSessionApiProxyFunction $FakeSession | Remove-GradioSessionApiProxyFunction
            Remove-GradioSession $FakeSession
        }
        Stop-RealGradio $Fake
    }

    It 'stops after that many heartbeats in a row with GradioTimeout; the call goes on in the session' {
        $out = [Collections.Generic.List[object]]::new()
        $e = $null
        try { HbLong -MaxHeartBeats 3 | ForEach-Object { $out.Add($_) } } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -Be 'GradioTimeout,HbLong'
        $e.Exception.Message | Should -BeLike '/long: no result after 3 heartbeat(s) in a row*Update-GradioSessionApiResult*'
        # /long's first result (0) comes at once, unless a slow start let the heartbeats run out first.
        $out.Count | Should -BeLessOrEqual 1
        $call = @(Get-GradioSessionApi -Session $FakeSession)[-1]
        $call.ApiEvent.LastQueryStatus | Should -Be 'HeartBeatExpired'
        # Resumable: the next read gets the next result (and cancels the job once it has it).
        $next = $call | Update-GradioSessionApiResult -Session $FakeSession -MaxHeartBeats 100 | Where-Object event -ne heartbeat | Select-Object -First 1
        $next.data[0] | Should -Be $out.Count
    }
}
