//! Reading the browser: user agent, client hints, memory, screen and audio devices. Everything
//! is read defensively through `Reflect`, since older browsers lack most of it.

use js_sys::{Array, Function, Promise, Reflect};
use sitecheck_core::device::{AudioDevices, DeviceFacts};
use sitecheck_core::environment::Signals;
use sitecheck_core::hints::{Brand, ClientHints, HIGH_ENTROPY_HINTS};
use sitecheck_core::locale::Bilingual;
use sitecheck_core::units::Date;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name)).ok().filter(|value| !value.is_undefined() && !value.is_null())
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|window| window.navigator())
}

fn text(target: &JsValue, name: &str) -> String {
    property(target, name).and_then(|value| value.as_string()).unwrap_or_default()
}

fn brands(target: &JsValue, name: &str) -> Vec<Brand> {
    let Some(list) = property(target, name) else { return Vec::new() };
    Array::from(&list)
        .iter()
        .map(|brand| Brand { brand: text(&brand, "brand"), version: text(&brand, "version") })
        .collect()
}

/// Reads a hint dictionary field by field. (Going through JSON would pull a whole JSON parser
/// into the download for a handful of strings.)
fn hints_from_js(value: &JsValue) -> ClientHints {
    ClientHints {
        brands: brands(value, "brands"),
        full_version_list: brands(value, "fullVersionList"),
        mobile: property(value, "mobile").and_then(|mobile| mobile.as_bool()).unwrap_or(false),
        platform: text(value, "platform"),
        platform_version: text(value, "platformVersion"),
        architecture: text(value, "architecture"),
        bitness: text(value, "bitness"),
        model: text(value, "model"),
    }
}

/// What can be read at once: the UA string, low-entropy hints and touch support.
pub fn signals_now() -> Signals {
    let Some(navigator) = navigator() else { return Signals::default() };
    let hints = property(&navigator, "userAgentData").map(|data| hints_from_js(&data));
    Signals {
        user_agent: navigator.user_agent().unwrap_or_default(),
        hints,
        max_touch_points: property(&navigator, "maxTouchPoints")
            .and_then(|value| value.as_f64())
            .map(|points| points as u32),
    }
}

/// High-entropy client hints (platform version, architecture, full versions); Chromium only.
pub async fn high_entropy_hints() -> Option<ClientHints> {
    let navigator = navigator()?;
    let data = property(&navigator, "userAgentData")?;
    let method: Function = property(&data, "getHighEntropyValues")?.dyn_into().ok()?;
    let names: Array = HIGH_ENTROPY_HINTS.iter().map(|name| JsValue::from_str(name)).collect();
    let promise: Promise = method.call1(&data, &names).ok()?.dyn_into().ok()?;
    let values = JsFuture::from(promise).await.ok()?;
    Some(hints_from_js(&values))
}

/// Memory and screen, read at once.
pub fn facts_now() -> DeviceFacts {
    let Some(window) = web_sys::window() else { return DeviceFacts::default() };
    let screen = window.screen().ok().and_then(|screen| {
        let (width, height) = (screen.width().ok()?, screen.height().ok()?);
        Some((u32::try_from(width).ok()?, u32::try_from(height).ok()?))
    });
    DeviceFacts {
        device_memory: property(&window.navigator(), "deviceMemory").and_then(|value| value.as_f64()),
        screen_css: screen,
        device_pixel_ratio: Some(window.device_pixel_ratio()),
        audio: AudioDevices::Unknown,
    }
}

/// Lists audio device kinds. Without a permission prompt, browsers give kinds but no names.
pub async fn audio_devices() -> AudioDevices {
    let Some(window) = web_sys::window() else {
        return AudioDevices::Unavailable { reason: Bilingual::new("no window", "inget fönster") };
    };
    let secure = property(&window, "isSecureContext").and_then(|value| value.as_bool()).unwrap_or(false);
    let Some(media) = property(&window.navigator(), "mediaDevices") else {
        let reason = if secure {
            Bilingual::new("this browser offers no device list", "den här webbläsaren har ingen lista över enheter")
        } else {
            Bilingual::new(
                "the page is not served over HTTPS (or from this computer), so the browser hides the device list",
                "sidan hämtas inte över HTTPS (eller från den här datorn), så webbläsaren döljer listan över enheter",
            )
        };
        return AudioDevices::Unavailable { reason };
    };
    let Some(enumerate) = property(&media, "enumerateDevices").and_then(|value| value.dyn_into::<Function>().ok())
    else {
        return AudioDevices::Unavailable {
            reason: Bilingual::new("this browser cannot list devices", "den här webbläsaren kan inte lista enheter"),
        };
    };
    let promise = match enumerate.call0(&media).map(|value| value.dyn_into::<Promise>()) {
        Ok(Ok(promise)) => promise,
        _ => {
            return AudioDevices::Unavailable {
                reason: Bilingual::new(
                    "the device list could not be requested",
                    "listan över enheter gick inte att begära",
                ),
            };
        }
    };
    match JsFuture::from(promise).await {
        Ok(list) => {
            let (mut inputs, mut outputs) = (0, 0);
            for device in Array::from(&list).iter() {
                match property(&device, "kind").and_then(|kind| kind.as_string()).as_deref() {
                    Some("audioinput") => inputs += 1,
                    Some("audiooutput") => outputs += 1,
                    _ => {}
                }
            }
            AudioDevices::Listed { inputs, outputs }
        }
        Err(error) => {
            let error = format!("{error:?}");
            AudioDevices::Unavailable {
                reason: sitecheck_core::bilingual!(
                    "the browser refused to list devices ({error})",
                    "webbläsaren vägrade lista enheterna ({error})"
                ),
            }
        }
    }
}

/// Today in the visitor's time zone, for the dated release table.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as u16, (now.get_month() + 1) as u8, now.get_date() as u8)
}
