// Generated from component.ts by scripts/build-native.ts; do not edit.
"use strict";
(() => {
  // src/domain/firstaid/cpr.ts
  var CPR_RATE_PER_MINUTE = 110;
  var COMPRESSIONS_PER_CYCLE = 30;
  var SWITCH_AFTER_MS = 2 * 60 * 1e3;
  var beatIntervalMs = (rate = CPR_RATE_PER_MINUTE) => Math.round(6e4 / rate);
  var PROMPTS = {
    compress: "\u7528\u529B\u6309\u538B\uFF0C\u5FEB\u901F\u6309\u538B",
    breathe: "\u7ED9\u4E882\u6B21\u4EBA\u5DE5\u547C\u5438",
    switch: "\u5DF2\u6EE12\u5206\u949F\uFF1A\u6362\u4EBA\u6309\u538B\uFF0C\u6216\u8BA9AED\u5206\u6790\u5FC3\u5F8B"
  };
  var initialCpr = () => ({ count: 0, total: 0, elapsedMs: 0, sets: 0 });
  function cprBeat(state, handsOnly, intervalMs = beatIntervalMs()) {
    const elapsedMs = state.elapsedMs + intervalMs;
    const crossedSwitch = Math.floor(elapsedMs / SWITCH_AFTER_MS) > Math.floor(state.elapsedMs / SWITCH_AFTER_MS);
    const count = state.count + 1;
    const setDone = count === COMPRESSIONS_PER_CYCLE;
    const next = { count: setDone ? 0 : count, total: state.total + 1, elapsedMs, sets: state.sets + (setDone ? 1 : 0) };
    const prompt = crossedSwitch ? "switch" : setDone && !handsOnly ? "breathe" : "compress";
    return { state: next, prompt };
  }

  // src/components/native/cpr-metronome/component.ts
  function buzz(long) {
    var _a, _b;
    if (typeof wx === "undefined") return;
    if (long) (_a = wx.vibrateLong) == null ? void 0 : _a.call(wx);
    else (_b = wx.vibrateShort) == null ? void 0 : _b.call(wx, { type: "heavy" });
  }
  Component({
    properties: {
      rate: { type: Number, value: CPR_RATE_PER_MINUTE },
      // One lowercase word: WXML attributes reach properties reliably that way. false = hands-only CPR.
      breaths: { type: Boolean, value: true }
    },
    data: { running: false, pulse: false, count: 0, total: 0, seconds: 0, prompt: PROMPTS.compress },
    lifetimes: {
      detached() {
        this.stop();
      }
    },
    methods: {
      toggle() {
        if (this.data.running) this.stop();
        else this.start();
      },
      start() {
        this.cpr = initialCpr();
        const intervalMs = beatIntervalMs(this.data.rate);
        this.timer = setInterval(() => this.beat(intervalMs), intervalMs);
        this.setData({ running: true, count: 0, total: 0, seconds: 0, prompt: PROMPTS.compress });
        this.triggerEvent("start");
      },
      stop() {
        if (this.timer) clearInterval(this.timer);
        this.timer = void 0;
        this.setData({ running: false });
        this.triggerEvent("stop");
      },
      beat(intervalMs) {
        const { state, prompt } = cprBeat(this.cpr, !this.data.breaths, intervalMs);
        this.cpr = state;
        this.setData({ count: state.count, total: state.total, seconds: Math.floor(state.elapsedMs / 1e3), prompt: PROMPTS[prompt], pulse: !this.data.pulse });
        buzz(prompt !== "compress");
        this.triggerEvent("beat", { total: state.total, prompt });
      }
    }
  });
})();
