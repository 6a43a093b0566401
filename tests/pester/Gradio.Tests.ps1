# The raw Gradio cmdlets against genuine Gradio servers, 5.14.0 (with the /gradio_api prefix)
# and 4.37.2 (without): the seed walkthrough, typed inputs, gr.Error, files, gr.State, login
# and cancelling. Run through `dotnet pwsh ./build.ps1 test`.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Png.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
}

Describe 'Gradio <_> (genuine)' -ForEach @('5.14.0', '4.37.2', '5.45.0') -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        $script:Version = $_
        $script:Simple = Start-RealGradio -App simple-app.py -Version $Version
        $script:Endpoints = Start-RealGradio -App endpoints-app.py -Version $Version
        $script:Auth = Start-RealGradio -App auth-app.py -Version $Version
        # The seed writes the URL without a trailing slash.
        $script:SimpleUrl = $Simple.Url.TrimEnd('/')
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-gradio-$Version-$PID"
        $null = New-Item -ItemType Directory -Force $Work
    }
    AfterAll {
        $Simple, $Endpoints, $Auth | Where-Object { $_ } | ForEach-Object { Stop-RealGradio $_ }
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }

    Context 'the seed walkthrough' {
        It 'reads /info as objects, with case-insensitive property access' {
            $AppInfo = Get-GradioInfo $SimpleUrl
            $params = $AppInfo.named_endpoints.'/op1'.parameters
            @($params).Count | Should -Be 1
            $params[0].label | Should -Be 'Duration, in, seconds'
            $AppInfo.Version | Should -Be $Version
            $expectedBase = if ($Version -like '5.*') { "$SimpleUrl/gradio_api" } else { $SimpleUrl }
            $AppInfo.RealAppUrl | Should -Be $expectedBase
        }

        It 'streams Op1: Dur:3, the elapsed seconds, then Finished (<_> protocol)' -ForEach @('Auto', 'Call') {
            $events = @(Send-GradioApi -AppUrl $SimpleUrl -ApiName Op1 -Params @(3) -Protocol $_ | Update-GradioApiResult)
            $events.event | Should -Be (@('generating') * ($events.Count - 1) + 'complete')
            $values = @($events | ForEach-Object { $_.data[0] })
            $values[0] | Should -Be 'Dur:3'
            $values[-1] | Should -Be 'Finished'
            $values[-2] | Should -Be 'Finished'
            # simple-app yields the whole seconds elapsed, one a second.
            $values[1..($values.Count - 3)] -join ',' | Should -Be '1,2,3'
            ($events.num -join ',') | Should -Be ((1..$events.Count) -join ',')
        }

        It 'accepts the URL with a trailing slash and with the API prefix' {
            foreach ($url in "$SimpleUrl/", (Get-GradioInfo $SimpleUrl).RealAppUrl) {
                $last = Send-GradioApi $url Op1 @(1) | Update-GradioApiResult | Select-Object -Last 1
                $last.event | Should -Be 'complete'
                $last.data[0] | Should -Be 'Finished'
            }
        }

        It 'keeps the history on the handle with -History -NoOutput' {
            $handle = Send-GradioApi $SimpleUrl Op1 @(1)
            $out = $handle | Update-GradioApiResult -History -NoOutput
            $out | Should -BeNullOrEmpty
            $handle.Status | Should -Be 'complete'
            $handle.LastQueryStatus | Should -Be 'complete'
            $handle.Events[-1].event | Should -Be 'complete'
            $handle.Data[0][0] | Should -Be 'Dur:1'
        }
    }

    Context 'typed endpoints' {
        It 'sends text, number, slider, bool, dropdown and radio values with their types' {
            $r = Send-GradioApi $Endpoints.Url typed_inputs @('hi', 2, 5, $false, 'gamma', 'three') | Update-GradioApiResult | Select-Object -Last 1
            $r.event | Should -Be 'complete'
            $r.data[0] | Should -BeLike "*text='hi'*"
            $r.data[0] | Should -BeLike '*check=False*'
            $r.data[0] | Should -BeLike "*dropdown='gamma'*"
            $r.data[1] | Should -Be 7
            $r.data[2].upper | Should -Be 'HI'
            $r.data[2].checked | Should -BeFalse
        }

        It 'takes a hashtable by parameter name and fills the rest from the defaults' {
            $r = Send-GradioApi $Endpoints.Url typed_inputs @{ text = 'named'; number = 1 } | Update-GradioApiResult | Select-Object -Last 1
            $r.data[0] | Should -BeLike "*text='named'*"
            $r.data[1] | Should -Be 5   # number 1 + the slider's default 4
        }

        It 'names the expected parameters when too many are given, before sending anything' {
            $err = { Send-GradioApi $Endpoints.Url add_numbers @(1, 2, 3) } | Should -Throw -ErrorId 'GradioInvalidArguments*' -PassThru
            $err.Exception.Message | Should -BeLike '*takes 2 parameters (a?, b?)*3 were given*'
        }

        It 'lists the endpoints when the name is unknown, as an error try/catch catches' {
            $caught = $null
            try { Send-GradioApi $Endpoints.Url no_such_api @() } catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -BeLike 'GradioApiNotFound*'
            $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $caught.Exception.Message | Should -BeLike '*/typed_inputs*/add_numbers*'
            $caught.ErrorDetails.RecommendedAction | Should -BeLike '*Get-GradioEndpoint*'
        }
    }

    Context 'errors raised by the app' {
        It 'makes the gr.Error text the error message and writes no error as data (queue protocol)' {
            $handle = Send-GradioApi $Endpoints.Url raise_gr_error @('x')
            $events = [Collections.Generic.List[object]]::new()
            $err = { $handle | Update-GradioApiResult -ErrorAction Stop | ForEach-Object { $events.Add($_) } } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'GradioAppError*'
            $err.Exception.Message | Should -Be 'custom message'
            $events | Where-Object { $_.event -eq 'error' -or "$($_.data)" -like '*custom message*' } | Should -BeNullOrEmpty
            $handle.Status | Should -Be 'error'
            $handle.Error | Should -Be 'custom message'
        }

        It 'still reports an error over /call, which carries no text' {
            $err = { Send-GradioApi $Endpoints.Url raise_gr_error @('x') -Protocol Call | Update-GradioApiResult -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'GradioAppError*'
            $err.Exception.Message | Should -BeLike '*did not send its text*'
        }

        It 'stops a script with -ErrorAction Stop' {
            { Send-GradioApi $Endpoints.Url raise_gr_error @('x') | Update-GradioApiResult -ErrorAction Stop } | Should -Throw 'custom message'
        }
    }

    Context 'files' {
        It 'uploads a PNG, flips it, and downloads a valid mirrored image' {
            $png = New-TestPng (Join-Path $Work 'in.png') -Width 5 -Height 3
            $result = Send-GradioApi $Endpoints.Url flip_image @(Get-Item $png) | Update-GradioApiResult | Select-Object -Last 1
            $result.event | Should -Be 'complete'
            $saved = $result | Save-GradioFile -Path (Join-Path $Work 'out')
            $saved | Should -BeOfType [IO.FileInfo]
            $saved.Extension | Should -Be '.png'
            $in = Read-Png $png
            $out = Read-Png $saved.FullName
            $out.Width | Should -Be 5
            $out.Height | Should -Be 3
            for ($y = 0; $y -lt 3; $y++) {
                for ($x = 0; $x -lt 5; $x++) {
                    ($out.Pixel($x, $y) -join ',') | Should -Be ($in.Pixel(4 - $x, $y) -join ',')
                }
            }
        }

        It 'uploads with Send-GradioFile and passes the FileData on' {
            $file = Join-Path $Work 'data.txt'
            Set-Content -Path $file -Value ('x' * 1000) -NoNewline
            $fd = Send-GradioFile $Endpoints.Url $file
            $fd.orig_name | Should -Be 'data.txt'
            $fd.size | Should -Be 1000
            $fd.mime_type | Should -Be 'text/plain'
            $fd.meta._type | Should -Be 'gradio.FileData'
            $r = Send-GradioApi $Endpoints.Url file_size @(, $fd) | Update-GradioApiResult | Select-Object -Last 1
            $r.data[0] | Should -Be 1000
        }

        It 'downloads a generated file under its own name, never outside the folder' {
            $r = Send-GradioApi $Endpoints.Url make_file @('hello file') | Update-GradioApiResult | Select-Object -Last 1
            $dir = Join-Path $Work 'made'
            $saved = Save-GradioFile $r -Path $dir
            $saved.DirectoryName | Should -Be (Resolve-Path $dir).Path
            $saved.Name | Should -BeLike 'generated-*.txt'
            Get-Content $saved.FullName | Should -Contain 'hello file'
        }
    }

    Context 'gr.State' {
        It 'keeps a counter within one session hash and starts again in another' {
            $session = "pester$(Get-Random)"
            $first = Send-GradioApi $Endpoints.Url count @() -SessionHash $session | Update-GradioApiResult | Select-Object -Last 1
            $second = Send-GradioApi $Endpoints.Url count @() -SessionHash $session | Update-GradioApiResult | Select-Object -Last 1
            $other = Send-GradioApi $Endpoints.Url count @() -SessionHash "other$(Get-Random)" | Update-GradioApiResult | Select-Object -Last 1
            $first.data | Should -Be 'this session has called count 1 time(s)'
            $second.data | Should -Be 'this session has called count 2 time(s)'
            $other.data | Should -Be 'this session has called count 1 time(s)'
        }

        It 'keeps the counter over /call too' {
            $session = "pestercall$(Get-Random)"
            1..2 | ForEach-Object { Send-GradioApi $Endpoints.Url count @() -SessionHash $session -Protocol Call | Update-GradioApiResult | Select-Object -Last 1 } |
                Select-Object -Last 1 | ForEach-Object { $_.data | Should -Be 'this session has called count 2 time(s)' }
        }
    }

    Context 'login' {
        It 'says a login is needed, with a stable id' {
            $err = { Get-GradioInfo $Auth.Url } | Should -Throw -ErrorId 'GradioAuthenticationRequired*' -PassThru
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.ErrorDetails.RecommendedAction | Should -BeLike '*-Credential*'
        }

        It 'refuses a wrong password' {
            $bad = [pscredential]::new('user', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))
            $err = { Get-GradioInfo $Auth.Url -Credential $bad } | Should -Throw -ErrorId 'GradioAuthenticationFailed*' -PassThru
            $err.Exception.Message | Should -Not -BeLike '*wrong*'
        }

        It 'logs in with -Credential and calls the protected endpoint' {
            $cred = [pscredential]::new('user', (ConvertTo-SecureString 'pass' -AsPlainText -Force))
            (Get-GradioInfo $Auth.Url -Credential $cred).named_endpoints.'/greet' | Should -Not -BeNullOrEmpty
            $r = Send-GradioApi $Auth.Url greet @('Pester') -Credential $cred | Update-GradioApiResult | Select-Object -Last 1
            $r.data[0] | Should -Be 'Hello Pester!'
        }

        It 'keeps logins apart by credential: a wrong one after a right one is refused, none rides on either' {
            $right = [pscredential]::new('user', (ConvertTo-SecureString 'pass' -AsPlainText -Force))
            $wrong = [pscredential]::new('user', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))
            $null = New-GradioSession $Auth.Url -Name auth-right -Credential $right -Force
            try {
                { New-GradioSession $Auth.Url -Name auth-wrong -Credential $wrong -Force } | Should -Throw -ErrorId 'GradioAuthenticationFailed*'
                { Send-GradioApi $Auth.Url greet @('x') } | Should -Throw -ErrorId 'GradioAuthenticationRequired*'
                $r = Invoke-GradioSessionApi greet @('Pester') -Session auth-right | Update-GradioSessionApiResult -Session auth-right | Select-Object -Last 1
                $r.data[0] | Should -Be 'Hello Pester!'
            } finally {
                Remove-GradioSession auth-right
            }
        }
    }

    Context 'cancelling' {
        # Gradio runs one job of an event at a time: while a cancelled Op1 were still running,
        # the next Op1 would wait its 60 s and see a heartbeat (every 15 s) before completing.
        It 'cancels the server job when the reader stops early (Select-Object -First)' {
            $long = Send-GradioApi $SimpleUrl Op1 @(60)
            $first = $long | Update-GradioApiResult | Select-Object -First 1
            $first.data[0] | Should -Be 'Dur:60'
            $short = Send-GradioApi $SimpleUrl Op1 @(1)
            $last = $short | Update-GradioApiResult -MaxHeartBeats 1 | Select-Object -Last 1
            $short.LastQueryStatus | Should -Be 'complete'
            $last.data[0] | Should -Be 'Finished'
            $warn = $null
            $long.Status | Should -Be 'cancelled'
            $long | Update-GradioApiResult -WarningVariable warn -WarningAction SilentlyContinue | Out-Null
            $long.LastQueryStatus | Should -Be 'cancelled'
            "$warn" | Should -BeLike '*cancelled*'
        }

        It 'stops a read on Stop(), as Ctrl+C does, and cancels the job' {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$Manifest'; Send-GradioApi '$SimpleUrl' Op1 @(60) | Update-GradioApiResult")
                $out = [Management.Automation.PSDataCollection[psobject]]::new()
                $async = $ps.BeginInvoke([Management.Automation.PSDataCollection[psobject]] $null, $out)
                while (-not $async.IsCompleted -and $out.Count -lt 1) { Start-Sleep -Milliseconds 100 }
                $out[0].data[0] | Should -Be 'Dur:60'
                $ps.Stop()
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            } finally { $ps.Dispose() }
            $short = Send-GradioApi $SimpleUrl Op1 @(1)
            $null = $short | Update-GradioApiResult -MaxHeartBeats 1
            $short.LastQueryStatus | Should -Be 'complete'
        }
    }
}
