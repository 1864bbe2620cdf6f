// Generated from component.ts by scripts/build-native.ts; do not edit.
"use strict";
(() => {
  var __defProp = Object.defineProperty;
  var __defProps = Object.defineProperties;
  var __getOwnPropDescs = Object.getOwnPropertyDescriptors;
  var __getOwnPropSymbols = Object.getOwnPropertySymbols;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __propIsEnum = Object.prototype.propertyIsEnumerable;
  var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
  var __spreadValues = (a, b) => {
    for (var prop in b || (b = {}))
      if (__hasOwnProp.call(b, prop))
        __defNormalProp(a, prop, b[prop]);
    if (__getOwnPropSymbols)
      for (var prop of __getOwnPropSymbols(b)) {
        if (__propIsEnum.call(b, prop))
          __defNormalProp(a, prop, b[prop]);
      }
    return a;
  };
  var __spreadProps = (a, b) => __defProps(a, __getOwnPropDescs(b));

  // src/domain/firstaid/cpr.ts
  var CPR_RATE_PER_MINUTE = 110;
  var COMPRESSIONS_PER_CYCLE = 30;
  var BREATHS_PER_CYCLE = 2;
  var BREATH_PAUSE_MS = 5e3;
  var SWITCH_AFTER_MS = 2 * 60 * 1e3;
  var SWITCH_PROMPT_MS = 1e4;
  var beatIntervalMs = (rate = CPR_RATE_PER_MINUTE) => Math.round(6e4 / rate);
  var PROMPTS = {
    compress: "\u7528\u529B\u6309\u538B\uFF0C\u5FEB\u901F\u6309\u538B",
    breathe: `\u7ED9\u4E88${BREATHS_PER_CYCLE}\u6B21\u4EBA\u5DE5\u547C\u5438`,
    // About the compressor, not the AED: the AED analyses on its own schedule (see SWITCH_AFTER_MS).
    switch: "\u5DF2\u6EE12\u5206\u949F\uFF1A\u6709\u4EBA\u53EF\u66FF\u6362\u5C31\u6362\u4EBA\u6309\u538B\uFF08\u5C3D\u91CF\u5728AED\u5206\u6790\u65F6\u6362\uFF09",
    // AHA 2025 / ERC 2021: follow the AED's voice prompts; nobody touches the patient during analysis and shock.
    aed: "\u6309AED\u8BED\u97F3\u63D0\u793A\u64CD\u4F5C"
  };
  var AED_HINT = "\u5206\u6790\u548C\u7535\u51FB\u65F6\u4EFB\u4F55\u4EBA\u4E0D\u8981\u63A5\u89E6\u60A3\u8005\uFF1B\u7535\u51FB\u540E\u6216\u63D0\u793A\u4E0D\u9700\u8981\u7535\u51FB\u65F6\uFF0C\u70B9\u7EE7\u7EED\u6309\u538B";
  var initialCpr = () => ({ phase: "compress", count: 0, total: 0, sets: 0, atMs: 0, nextMs: 0, resumeMs: 0, periodStartMs: 0, beat: false });
  function compress(state, atMs, { handsOnly, intervalMs }) {
    const count = state.count === COMPRESSIONS_PER_CYCLE ? 1 : state.count + 1;
    const setDone = count === COMPRESSIONS_PER_CYCLE;
    const breathe = setDone && !handsOnly;
    return __spreadProps(__spreadValues({}, state), {
      phase: breathe ? "breathe" : "compress",
      count,
      total: state.total + 1,
      sets: state.sets + (setDone ? 1 : 0),
      atMs,
      // While breathing, a step each second moves the countdown.
      nextMs: breathe ? atMs + 1e3 : atMs + intervalMs,
      resumeMs: breathe ? atMs + BREATH_PAUSE_MS : 0,
      beat: true
    });
  }
  function cprStep(state, options) {
    if (state.phase === "aed") return state;
    const atMs = state.nextMs;
    if (state.phase === "compress" || options.handsOnly || atMs >= state.resumeMs) return compress(state, atMs, options);
    return __spreadProps(__spreadValues({}, state), { atMs, nextMs: Math.min(atMs + 1e3, state.resumeMs), beat: false });
  }
  function cprResume(state, atMs, options) {
    if (state.phase === "breathe") return compress(state, atMs, options);
    if (state.phase === "aed") return compress(__spreadProps(__spreadValues({}, state), { count: 0, periodStartMs: atMs }), atMs, options);
    return state;
  }
  function cprPauseForAed(state, atMs) {
    return state.phase === "aed" ? state : __spreadProps(__spreadValues({}, state), { phase: "aed", atMs, resumeMs: 0, beat: false });
  }
  function cprPrompt(state) {
    if (state.phase === "breathe") return "breathe";
    if (state.phase === "aed") return "aed";
    const elapsed = state.atMs - state.periodStartMs;
    return elapsed >= SWITCH_AFTER_MS && elapsed % SWITCH_AFTER_MS < SWITCH_PROMPT_MS ? "switch" : "compress";
  }
  function cprView(state, previous) {
    const prompt = cprPrompt(state);
    return {
      count: state.count,
      total: state.total,
      seconds: Math.floor(state.atMs / 1e3),
      breathing: state.phase === "breathe",
      aedPaused: state.phase === "aed",
      secondsLeft: state.phase === "breathe" ? Math.ceil((state.resumeMs - state.atMs) / 1e3) : 0,
      prompt,
      beat: state.beat,
      alert: prompt !== "compress" && prompt !== cprPrompt(previous)
    };
  }
  function runCpr(options) {
    let startedAt = Date.now();
    let state = initialCpr();
    let timer;
    const settings = () => ({ handsOnly: options.handsOnly(), intervalMs: options.intervalMs });
    const schedule = () => {
      if (state.phase === "aed") return;
      if (Date.now() - (startedAt + state.atMs) > options.intervalMs) startedAt = Date.now() - state.atMs;
      timer = setTimeout(() => show(cprStep(state, settings())), Math.max(0, startedAt + state.nextMs - Date.now()));
    };
    const show = (next) => {
      const previous = state;
      state = next;
      options.onStep(cprView(next, previous));
      schedule();
    };
    schedule();
    return {
      resume() {
        if (state.phase === "compress") return;
        clearTimeout(timer);
        show(cprResume(state, Date.now() - startedAt, settings()));
      },
      pauseForAed() {
        if (state.phase === "aed") return;
        clearTimeout(timer);
        show(cprPauseForAed(state, Date.now() - startedAt));
      },
      stop() {
        clearTimeout(timer);
      }
    };
  }

  // src/components/native/cpr-metronome/component.ts
  var CLICK_SRC = "/assets/sound/click.wav";
  var LARGE_TEXT_KEY = "boai.largeText";
  var api = () => typeof wx === "undefined" ? void 0 : wx;
  Component({
    properties: {
      rate: { type: Number, value: CPR_RATE_PER_MINUTE },
      // One lowercase word: WXML attributes reach properties reliably that way. false = hands-only CPR.
      breaths: { type: Boolean, value: true }
    },
    data: {
      running: false,
      pulse: false,
      muted: false,
      large: false,
      count: 0,
      total: 0,
      seconds: 0,
      breathing: false,
      aedPaused: false,
      aedHint: AED_HINT,
      secondsLeft: 0,
      prompt: PROMPTS.compress
    },
    lifetimes: {
      attached() {
        var _a, _b, _c, _d, _e, _f;
        this.audio = (_b = (_a = api()) == null ? void 0 : _a.createInnerAudioContext) == null ? void 0 : _b.call(_a, { useWebAudioImplement: true });
        if (this.audio) this.audio.src = CLICK_SRC;
        (_d = (_c = api()) == null ? void 0 : _c.setInnerAudioOption) == null ? void 0 : _d.call(_c, { obeyMuteSwitch: false });
        this.setData({ large: ((_f = (_e = api()) == null ? void 0 : _e.getStorageSync) == null ? void 0 : _f.call(_e, LARGE_TEXT_KEY)) === true });
      },
      detached() {
        var _a;
        if (this.data.running) this.stop();
        (_a = this.audio) == null ? void 0 : _a.destroy();
      }
    },
    methods: {
      toggle() {
        if (this.data.running) this.stop();
        else this.start();
      },
      toggleMute() {
        this.setData({ muted: !this.data.muted });
      },
      resume() {
        var _a;
        (_a = this.run) == null ? void 0 : _a.resume();
      },
      /** AED已到: the beat stops for the AED's voice prompts until 继续按压. */
      aedArrived() {
        var _a;
        (_a = this.run) == null ? void 0 : _a.pauseForAed();
      },
      start() {
        var _a, _b;
        this.setData({ running: true, count: 0, total: 0, seconds: 0, breathing: false, aedPaused: false, prompt: PROMPTS.compress });
        (_b = (_a = api()) == null ? void 0 : _a.setKeepScreenOn) == null ? void 0 : _b.call(_a, { keepScreenOn: true });
        this.run = runCpr({ intervalMs: beatIntervalMs(this.data.rate), handsOnly: () => !this.data.breaths, onStep: (view) => this.step(view) });
        this.triggerEvent("start");
      },
      stop() {
        var _a, _b, _c;
        (_a = this.run) == null ? void 0 : _a.stop();
        this.run = void 0;
        (_c = (_b = api()) == null ? void 0 : _b.setKeepScreenOn) == null ? void 0 : _c.call(_b, { keepScreenOn: false });
        this.setData({ running: false, breathing: false, aedPaused: false, prompt: PROMPTS.compress });
        this.triggerEvent("stop");
      },
      step(view) {
        var _a, _b, _c, _d, _e;
        const { count, total, seconds, breathing, aedPaused, secondsLeft, prompt, beat, alert } = view;
        this.setData(__spreadValues({ count, total, seconds, breathing, aedPaused, secondsLeft, prompt: PROMPTS[prompt] }, beat ? { pulse: !this.data.pulse } : {}));
        if (beat && !this.data.muted) (_a = this.audio) == null ? void 0 : _a.play();
        if (alert) (_c = (_b = api()) == null ? void 0 : _b.vibrateLong) == null ? void 0 : _c.call(_b);
        else if (beat) (_e = (_d = api()) == null ? void 0 : _d.vibrateShort) == null ? void 0 : _e.call(_d, { type: "heavy" });
        if (beat) this.triggerEvent("beat", { total, prompt });
      }
    }
  });
})();
