# Upload: one file of SIZE bytes (1 GiB; -Quick 8 MiB) sent to the instant fake server, seconds
# per round and the client process's peak MB. The module, js and python call /file_size with the
# file as its input (upload, then a short call); curl only POSTs it to {prefix}/upload (the floor).
# The fake server writes each file part to its store as it arrives, once, so any size fits in its
# memory. The source file and that store (a fake server of this workload's own) sit in memory
# where the machine has /dev/shm: on disk a round paid for the writeback of the rounds before it.
# Each module round is a fresh process's first call (upload included); the clients take turns
# within each round: see bench/README.md.

function Measure-UploadWorkload {
    param([hashtable] $Context)
    if (-not $Context.FakeGradioPath) { return }
    $size = if ($Context['Size']) { [long]$Context['Size'] } elseif ($Context.Quick) { 8MB } else { 1GB }
    $scratch = Join-Path $(if (Test-Path /dev/shm) { '/dev/shm' } else { [IO.Path]::GetTempPath() }) "powershai-bench-upload-$PID"
    $null = New-Item -ItemType Directory -Force $scratch
    $file = Join-Path $scratch 'upload.bin'
    $name = "upload $([math]::Round($size / 1MB)) MiB, instant fake"
    $server = $null
    try {
        $server = Start-FakeGradio -Profile v5 -App full -Environment @{ TMPDIR = $scratch }
        # Random bytes, so no layer can compress them away; written once for all clients.
        $stream = [IO.File]::Create($file)
        try {
            $buffer = [byte[]]::new(1MB)
            $random = [Random]::new(1)
            for ($done = 0L; $done -lt $size; $done += $buffer.Length) {
                $random.NextBytes($buffer)
                $stream.Write($buffer, 0, [int][math]::Min($buffer.Length, $size - $done))
            }
        } finally { $stream.Dispose() }
        $data = ConvertTo-Json -Compress -InputObject @("@file:$file")
        $url = $server.Url.TrimEnd('/') + '/gradio_api/upload'
        $clients = 'module', 'js', 'python', 'curl'
        $runs = @{}
        foreach ($client in $clients) { $runs[$client] = [Collections.Generic.List[object]]::new() }
        # Rounds outermost, the clients in turn within each: the disk's writeback of one upload
        # slows the next, so a client whose rounds all ran back to back paid for its own.
        foreach ($round in 1..$Context.Rounds) {
            foreach ($client in $clients) {
                if ($runs[$client].Count -and $runs[$client][0].Note) { continue }
                Write-Host "  ${name}: $client, round $round ..."
                if ($client -eq 'curl') {
                    $runs[$client].Add((Invoke-Bounded curl @('-s', '--fail', '-o', '/dev/null', '-w', '%{time_total}', '-F', "files=@$file", $url) 1800 -MeasurePeak))
                    continue
                }
                # One fresh process per round and no warm-up call: the module uploads a file version
                # once per session, so a second call in the same process would send nothing.
                $once = $Context.Clone()
                $once.Rounds = 1
                $runs[$client].Add((Invoke-CallsClient -Client $client -Context $once -Url $server.Url -Api 'file_size' -DataJson $data -Count 1 -InFlight 1 -Warmup 0))
            }
        }
        foreach ($client in 'module', 'js', 'python') {
            $done = @($runs[$client])
            if ($done[0].Note) { New-BenchResult $name $client 's' @() -Note $done[0].Note; continue }
            $wrong = @($done | Where-Object { $_.Json.error_count -or "$($_.Json.last)" -ne "$size" })
            $note = if ($wrong) { "$($wrong.Count) round(s) failed or answered another size: $(@($wrong[0].Json.errors)[0]) $($wrong[0].Json.last)" } else { '' }
            New-BenchResult $name $client 's' @($done | ForEach-Object { $_.Json.rounds[0].call_ms_median / 1000 }) (($done.PeakMB | Measure-Object -Maximum).Maximum) -Note $note
        }
        $done = @($runs.curl)
        $failed = @($done | Where-Object ExitCode -ne 0)
        New-BenchResult $name curl 's' @($done | Where-Object ExitCode -eq 0 | ForEach-Object { [double]$_.Stdout }) (($done.PeakMB | Measure-Object -Maximum).Maximum) -Note $(if ($failed) { "$($failed.Count) failed: $($failed[0].Stderr)" } else { 'upload only' })
    } finally {
        if ($server) { Stop-RealGradio $server }
        Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
    }
}
