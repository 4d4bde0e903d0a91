import assert from "node:assert/strict";
import { FIXTURES, withTempDir } from "./fixtures/io/run_helpers.ts";

const AUGMENT = new URL("../scripts/augment.ts", import.meta.url).pathname;
const COARSEN = new URL("../scripts/coarsen.ts", import.meta.url).pathname;

async function cli(script: string, args: string[], stdin?: string) {
  const command = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    env: { RUST_BACKTRACE: "0", NO_COLOR: "1" },
  });
  const child = command.spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const { code, stdout, stderr } = await child.output();
  const decoder = new TextDecoder();
  return {
    code,
    stdout: decoder.decode(stdout),
    stderr: decoder.decode(stderr),
  };
}

Deno.test("augment --help lists every option with its default", async () => {
  const { code, stdout } = await cli(AUGMENT, ["--help"]);
  assert.equal(code, 0);
  const options = [
    "--dt",
    "--slot",
    "--seed",
    "--time-column",
    "--columns",
    "--format",
    "--input-format",
    "--no-conserve",
    "--spill",
    "--strategy",
    "--report",
    "--shard",
    "--workers",
    "--progress",
    "--time-format",
    "--tz",
    "--resample",
    "--output",
  ];
  for (const option of options) assert.ok(stdout.includes(option), option);
  assert.match(stdout, /--dt SECONDS +fine bin width \(default 5\)/);
  assert.match(stdout, /--tz ZONE .*\(default UTC\)/);
});

Deno.test("augment exits 2 on a usage error", async (t) => {
  const cases: [string, string[], RegExp][] = [
    ["unknown flag", ["in.csv", "-o", "out.csv", "--bogus"], /bogus/],
    ["missing output", ["in.csv"], /missing -o OUTPUT/],
    [
      "bad shard",
      ["in.csv", "-o", "x.csv", "--shard", "3/2"],
      /invalid --shard '3\/2'/,
    ],
    [
      "bad format",
      ["in.csv", "-o", "x.csv", "--format", "tall"],
      /invalid --format 'tall'/,
    ],
    ["bad dt", ["in.csv", "-o", "x.csv", "--dt", "0"], /invalid --dt '0'/],
    [
      "infinite cv strategy",
      ["in.csv", "-o", "x.csv", "--strategy", "cv:Infinity"],
      /invalid --strategy 'cv:Infinity': expected cv:NUMBER with NUMBER a finite number >= 0/,
    ],
    [
      "seed not a number",
      ["in.csv", "-o", "x.csv", "--seed", "abc"],
      /invalid --seed 'abc': expected a whole number/,
    ],
    [
      "empty seed",
      ["in.csv", "-o", "x.csv", "--seed", ""],
      /invalid --seed '': expected a whole number/,
    ],
    [
      "fractional seed",
      ["in.csv", "-o", "x.csv", "--seed", "1.5"],
      /invalid --seed '1\.5'/,
    ],
    [
      "unknown column",
      [FIXTURES + "bom_crlf.csv", "-o", "x.csv", "--columns", "zz"],
      /Invalid --columns 'zz': no column has that name or position; the columns are 'timestamp', 'mbps'/,
    ],
  ];
  for (const [name, args, message] of cases) {
    await t.step(name, async () => {
      const { code, stderr } = await cli(AUGMENT, args);
      assert.equal(code, 2);
      assert.match(stderr, message);
    });
  }
});

Deno.test("augment on bad input exits 1 with one line and writes nothing", async () => {
  await withTempDir(async (dir) => {
    const output = `${dir}/out.csv`;
    const report = `${dir}/run.json`;
    const { code, stderr } = await cli(AUGMENT, [
      FIXTURES + "negative.csv",
      "-o",
      output,
      "--report",
      report,
    ]);
    assert.equal(code, 1);
    assert.equal(stderr.trimEnd().split("\n").length, 1);
    assert.match(
      stderr,
      /^error: Cannot read .*negative\.csv: line 4, column 'bytes_delta'/,
    );
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  });
});

Deno.test("augment on bad input leaves an existing output untouched", async () => {
  await withTempDir(async (dir) => {
    const output = `${dir}/out.csv`;
    await Deno.writeTextFile(output, "keep me\n");
    const { code } = await cli(AUGMENT, [
      FIXTURES + "decreasing.csv",
      "-o",
      output,
    ]);
    assert.equal(code, 1);
    assert.equal(await Deno.readTextFile(output), "keep me\n");
    assert.deepEqual([...Deno.readDirSync(dir)].map((entry) => entry.name), [
      "out.csv",
    ]);
  });
});

Deno.test("augment replaces an existing output only when it succeeds", async () => {
  await withTempDir(async (dir) => {
    const output = `${dir}/out.csv`;
    await Deno.writeTextFile(output, "old\n");
    const { code, stderr } = await cli(AUGMENT, [
      FIXTURES + "bom_crlf.csv",
      "-o",
      output,
    ]);
    assert.equal(code, 0);
    assert.equal(stderr, "");
    assert.match(
      await Deno.readTextFile(output),
      /^timestamp,mbps\n2024-01-01 00:00:00,/,
    );
    assert.deepEqual([...Deno.readDirSync(dir)].map((entry) => entry.name), [
      "out.csv",
    ]);
  });
});

Deno.test("augment reads standard input and writes standard output", async () => {
  const input = await Deno.readTextFile(FIXTURES + "bom_crlf.csv");
  const { code, stdout, stderr } = await cli(AUGMENT, [
    "-",
    "-o",
    "-",
    "--dt",
    "60",
  ], input);
  assert.equal(code, 0, stderr);
  const lines = stdout.trimEnd().split("\n");
  assert.equal(lines[0], "timestamp,mbps");
  assert.equal(lines.length, 1 + 15);
});

Deno.test("augment warns about skipped columns on stderr", async () => {
  await withTempDir(async (dir) => {
    const { code, stderr } = await cli(AUGMENT, [
      FIXTURES + "non_numeric_columns.csv",
      "-o",
      `${dir}/out.csv`,
      "--slot",
      "1",
      "--dt",
      "1",
    ]);
    assert.equal(code, 0);
    assert.match(
      stderr,
      /^warning: skipped 2 column\(s\) of text or with no values: Operatorname, State/,
    );
  });
});

Deno.test("augment --report writes settings, seed and checks", async () => {
  await withTempDir(async (dir) => {
    const report = `${dir}/run.json`;
    const { code } = await cli(AUGMENT, [
      FIXTURES + "quoted_thousands.csv",
      "-o",
      `${dir}/out.csv`,
      "--seed",
      "42",
      "--report",
      report,
    ]);
    assert.equal(code, 0);
    const json = JSON.parse(await Deno.readTextFile(report));
    assert.equal(json.settings.seed, 42);
    assert.equal(json.settings.dt, 5);
    assert.equal(json.settings.slot, 300);
    assert.deepEqual(json.series.map((s: { key: string }) => s.key), [
      "bytes",
      "packets",
    ]);
    const bytes = json.series[0];
    assert.equal(bytes.report.slots, 3);
    assert.ok(bytes.conservationError < 1e-12);
    assert.ok(bytes.reaggregationErrors.mape < 1e-10);
    assert.equal(bytes.reaggregationErrors.count, 3);
    assert.equal(json.input.numberFormats.bytes.style, "comma-grouped");
    assert.equal(json.totals.valuesWritten, 2 * 3 * 60);
  });
});

Deno.test("augment --progress draws on stderr", async () => {
  await withTempDir(async (dir) => {
    const { code, stderr } = await cli(AUGMENT, [
      FIXTURES + "bom_crlf.csv",
      "-o",
      `${dir}/out.csv`,
      "--progress",
    ]);
    assert.equal(code, 0);
    assert.match(stderr, /writing +\[#+\] 100%/);
  });
});

Deno.test("coarsen --help and a usage error", async () => {
  const help = await cli(COARSEN, ["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--slot SECONDS +slot length \(default 300\)/);
  const usage = await cli(COARSEN, ["x.csv", "-o", "y.csv", "--resample", "2"]);
  assert.equal(usage.code, 2);
});

Deno.test("coarsen rejects augment options", async (t) => {
  const flags = [
    ["--seed", "3"],
    ["--dt", "1"],
    ["--no-conserve"],
    ["--spill", "drop"],
    ["--strategy", "rolling"],
  ];
  for (const flag of flags) {
    await t.step(flag[0], async () => {
      const args = [FIXTURES + "bom_crlf.csv", "-o", "y.csv", ...flag];
      const { code, stderr } = await cli(COARSEN, args);
      assert.equal(code, 2);
      assert.match(
        stderr,
        new RegExp(`^error: ${flag[0]} is an augment option`),
      );
    });
  }
});

Deno.test("coarsen --summary has no conservation error", async () => {
  await withTempDir(async (dir) => {
    const { code, stderr } = await cli(COARSEN, [
      FIXTURES + "bom_crlf.csv",
      "-o",
      `${dir}/out.csv`,
      "--summary",
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^series: 1$/m);
    assert.doesNotMatch(stderr, /conservation/);
    const augment = await cli(AUGMENT, [
      FIXTURES + "bom_crlf.csv",
      "-o",
      `${dir}/out.csv`,
      "--summary",
    ]);
    assert.match(augment.stderr, /^max conservation error: /m);
    assert.match(augment.stderr, /^missing slots \(NaN in, NaN out\): 0$/m);
  });
});

Deno.test("augment reads a negative --seed", async (t) => {
  await withTempDir(async (dir) => {
    const outputs: string[] = [];
    const forms = [["--seed=-3"], ["--seed", "-3"], ["--seed", "3"]];
    for (const form of forms) {
      await t.step(form.join(" "), async () => {
        const output = `${dir}/out.csv`;
        const { code, stderr } = await cli(AUGMENT, [
          FIXTURES + "bom_crlf.csv",
          "-o",
          output,
          ...form,
        ]);
        assert.equal(code, 0, stderr);
        outputs.push(await Deno.readTextFile(output));
      });
    }
    assert.equal(outputs[0], outputs[1]);
    assert.notEqual(outputs[0], outputs[2]);
  });
});

Deno.test("augment rejects an OUTPUT that would replace INPUT", async (t) => {
  await withTempDir(async (dir) => {
    const input = `${dir}/good.csv`;
    await Deno.copyFile(FIXTURES + "bom_crlf.csv", input);
    const original = await Deno.readTextFile(input);
    await Deno.symlink(input, `${dir}/link.csv`);
    await Deno.link(input, `${dir}/hard.csv`);
    const cases: [string, string[], RegExp][] = [
      ["same path", ["-o", input], /OUTPUT is the INPUT file/],
      ["another spelling", ["-o", `${dir}/./good.csv`], /OUTPUT is the INPUT/],
      ["symbolic link", ["-o", `${dir}/link.csv`], /OUTPUT is the INPUT file/],
      ["hard link", ["-o", `${dir}/hard.csv`], /OUTPUT is the INPUT file/],
      [
        "report",
        ["-o", `${dir}/out.csv`, "--report", input],
        /--report is the INPUT file; choose another path/,
      ],
    ];
    for (const [name, args, message] of cases) {
      await t.step(name, async () => {
        const { code, stderr } = await cli(AUGMENT, [input, ...args]);
        assert.equal(code, 2);
        assert.match(stderr, message);
        assert.match(stderr, /choose another path/);
        assert.equal(await Deno.readTextFile(input), original);
      });
    }
    const names = [...Deno.readDirSync(dir)].map((entry) => entry.name);
    assert.deepEqual(names.sort(), ["good.csv", "hard.csv", "link.csv"]);
  });
});

Deno.test("augment rejects a folder as OUTPUT before writing", async (t) => {
  for (const suffix of ["", "/"]) {
    await t.step(`folder${suffix}`, async () => {
      await withTempDir(async (dir) => {
        const { code, stderr } = await cli(AUGMENT, [
          FIXTURES + "bom_crlf.csv",
          "-o",
          dir + suffix,
        ]);
        assert.equal(code, 2);
        assert.match(
          stderr,
          /^error: Cannot write '.*': OUTPUT is a directory; pass a file path such as '.*\/out\.csv'/,
        );
        assert.deepEqual([...Deno.readDirSync(dir)], []);
      });
    });
  }
});

/** Returns whether a file with mode 000 is unreadable here (not as root). */
async function readPermissionApplies(): Promise<boolean> {
  const path = await Deno.makeTempFile();
  try {
    await Deno.chmod(path, 0o000);
    return await Deno.readFile(path).then(() => false, () => true);
  } finally {
    await Deno.remove(path);
  }
}

Deno.test("augment names a missing input or output folder", async (t) => {
  await t.step("missing input", async () => {
    const { code, stderr } = await cli(AUGMENT, [
      "/nonexistent/in.csv",
      "-o",
      "/tmp/x.csv",
    ]);
    assert.equal(code, 1);
    assert.equal(
      stderr,
      "error: Cannot read INPUT '/nonexistent/in.csv': file not found; check the path\n",
    );
  });
  await t.step("input is a folder", async () => {
    const { code, stderr } = await cli(AUGMENT, [FIXTURES, "-o", "/tmp/x.csv"]);
    assert.equal(code, 1);
    assert.match(stderr, /^error: Cannot read INPUT '.*': it is a directory/);
  });
  await t.step({
    name: "input without read permission",
    // Root reads any file, so there is nothing to deny.
    ignore: !(await readPermissionApplies()),
    fn: async () => {
      await withTempDir(async (dir) => {
        const input = `${dir}/locked.csv`;
        await Deno.copyFile(FIXTURES + "bom_crlf.csv", input);
        await Deno.chmod(input, 0o000);
        const { code, stderr } = await cli(AUGMENT, [
          input,
          "-o",
          `${dir}/out.csv`,
        ]);
        assert.equal(code, 1);
        assert.match(
          stderr,
          /^error: Cannot read INPUT '.*': permission denied/,
        );
      });
    },
  });
  await t.step("missing output folder", async () => {
    const { code, stderr } = await cli(AUGMENT, [
      FIXTURES + "bom_crlf.csv",
      "-o",
      "/nonexistent/out.csv",
    ]);
    assert.equal(code, 2);
    assert.equal(
      stderr,
      "error: Cannot write '/nonexistent/out.csv': the OUTPUT folder '/nonexistent' does not exist; create it or choose another path\n",
    );
  });
  for (
    const [name, report] of [
      ["empty report path", () => ""],
      ["report path equal to OUTPUT", (dir: string) => `${dir}/out.csv`],
    ] as const
  ) {
    await t.step(`${name} writes no output`, async () => {
      await withTempDir(async (dir) => {
        const { code, stderr } = await cli(AUGMENT, [
          FIXTURES + "bom_crlf.csv",
          "-o",
          `${dir}/out.csv`,
          "--report",
          report(dir),
        ]);
        assert.equal(code, 2);
        assert.match(stderr, /--report is (empty|the OUTPUT file)/);
        assert.deepEqual([...Deno.readDirSync(dir)], []);
      });
    });
  }
  await t.step("missing report folder writes no output", async () => {
    await withTempDir(async (dir) => {
      const { code, stderr } = await cli(AUGMENT, [
        FIXTURES + "bom_crlf.csv",
        "-o",
        `${dir}/out.csv`,
        "--report",
        "/nonexistent/run.json",
      ]);
      assert.equal(code, 2);
      assert.match(
        stderr,
        /the --report folder '\/nonexistent' does not exist/,
      );
      assert.deepEqual([...Deno.readDirSync(dir)], []);
    });
  });
});

const DEMO = new URL("../scripts/data/abilene_total_7d.csv", import.meta.url)
  .pathname;

/** Per-slot CV of 60-bin slots, averaged over slots, from a wide output file. */
function meanWithinSlotCv(csv: string, column: number): number {
  const values = csv.trim().split("\n").slice(1).map((line) =>
    Number(line.split(",")[column])
  );
  let total = 0;
  const slots = Math.floor(values.length / 60);
  for (let slot = 0; slot < slots; slot++) {
    const bins = values.slice(slot * 60, slot * 60 + 60);
    const mean = bins.reduce((a, b) => a + b) / 60;
    const variance = bins.reduce((a, b) => a + (b - mean) ** 2, 0) / 60;
    total += Math.sqrt(variance) / mean / slots;
  }
  return total;
}

Deno.test("augment --strategy sets the variance target", async (t) => {
  await withTempDir(async (dir) => {
    const run = (strategy: string[]) =>
      cli(AUGMENT, [
        DEMO,
        "-o",
        `${dir}/out.csv`,
        "--columns",
        "total_mbps",
        "--seed",
        "3",
        ...strategy,
      ]);
    await t.step("a fixed CV of 1.5 gives bursty slots", async () => {
      const result = await run(["--strategy", "cv:1.5"]);
      assert.equal(result.code, 0, result.stderr);
      const cv = meanWithinSlotCv(await Deno.readTextFile(`${dir}/out.csv`), 1);
      // One source at CV 1.5: the within-slot CV of 60 bins is a little
      // below the stationary 1.5, since each slot is centred on its mean.
      assert.ok(cv > 1, `within-slot CV ${cv}`);
      assert.ok(cv < 1.6, `within-slot CV ${cv}`);
    });
    await t.step("a fixed CV of 0.25 gives smooth slots", async () => {
      const result = await run(["--strategy", "cv:0.25"]);
      assert.equal(result.code, 0, result.stderr);
      const cv = meanWithinSlotCv(await Deno.readTextFile(`${dir}/out.csv`), 1);
      assert.ok(cv > 0.15, `within-slot CV ${cv}`);
      assert.ok(cv < 0.3, `within-slot CV ${cv}`);
    });
    await t.step("a calibration file is read", async () => {
      const calibration = {
        kind: "calibrated",
        cv: 0.8,
        params: { tau: 0.05, zeta: 0.1, sessionMeanS: 5 },
      };
      await Deno.writeTextFile(
        `${dir}/calibration.json`,
        JSON.stringify(calibration),
      );
      const result = await run([
        "--strategy",
        `calibrated:${dir}/calibration.json`,
        "--report",
        `${dir}/report.json`,
      ]);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
      assert.equal(report.settings.strategy.cv, 0.8);
    });
    const bad: [string, RegExp][] = [
      ["cv:-1", /cv:NUMBER with NUMBER a finite number >= 0/],
      ["scaled:3", /scaled:NUMBER with NUMBER from 0 to 2/],
      ["bogus", /expected rolling, cv:X, scaled:BETA or calibrated:FILE.json/],
      [`calibrated:${dir}/missing.json`, /cannot read the calibration file/],
    ];
    for (const [value, message] of bad) {
      await t.step(`rejects ${value.split("/").pop()}`, async () => {
        const result = await run(["--strategy", value]);
        assert.equal(result.code, 2);
        assert.match(result.stderr, message);
      });
    }
  });
});

Deno.test("augment names the calibration file that is invalid", async (t) => {
  const cases: [string, unknown, RegExp][] = [
    [
      "invalid rate",
      { kind: "calibrated", cv: 0.5, params: { tau: -1 } },
      /invalid calibration file '.*cal\.json': Invalid parameter tau: must be a finite number > 0, got -1/,
    ],
    [
      "parameter that is not fitted",
      { kind: "calibrated", cv: 0.5, params: { dt: 1 } },
      /invalid calibration file '.*cal\.json': params\.dt is not a fitted parameter/,
    ],
  ];
  for (const [name, content, message] of cases) {
    await t.step(name, async () => {
      await withTempDir(async (dir) => {
        await Deno.writeTextFile(`${dir}/cal.json`, JSON.stringify(content));
        const { code, stderr } = await cli(AUGMENT, [
          FIXTURES + "bom_crlf.csv",
          "-o",
          `${dir}/out.csv`,
          "--strategy",
          `calibrated:${dir}/cal.json`,
        ]);
        assert.equal(code, 2);
        assert.match(stderr, message);
        assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), [
          "cal.json",
        ]);
      });
    });
  }
});
