//! One copy of each distinct text, tag list and device while a vault is read.
//!
//! A PAM's credentials repeat a few types, domains, tags and sites, and a device's fields once
//! per credential on it; sharing them keeps a large vault's memory near its distinct text.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use foldhash::fast::RandomState;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::model::{Device, Shared};

#[derive(Default)]
struct Interner {
    texts: HashSet<Shared, RandomState>,
    tags: HashSet<Arc<[Shared]>, RandomState>,
    devices: HashSet<Arc<Device>, RandomState>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::default());
}

/// Forgets the last vault's values (what its credentials hold stays shared among them).
pub(super) fn reset() {
    INTERNER.set(Interner::default());
}

pub(super) fn text(value: &str) -> Shared {
    INTERNER.with_borrow_mut(|i| match i.texts.get(value) {
        Some(shared) => shared.clone(),
        None => {
            let shared: Shared = value.into();
            i.texts.insert(shared.clone());
            shared
        }
    })
}

fn tags(list: Vec<Shared>) -> Arc<[Shared]> {
    INTERNER.with_borrow_mut(|i| match i.tags.get(list.as_slice()) {
        Some(shared) => shared.clone(),
        None => {
            let shared: Arc<[Shared]> = list.into();
            i.tags.insert(shared.clone());
            shared
        }
    })
}

fn device(device: Device) -> Arc<Device> {
    INTERNER.with_borrow_mut(|i| match i.devices.get(&device) {
        Some(shared) => shared.clone(),
        None => {
            let shared = Arc::new(device);
            i.devices.insert(shared.clone());
            shared
        }
    })
}

/// A string field read straight into the shared copy, without a string of its own.
pub(super) struct Text(pub Shared);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Text;

    // Worded as serde words a `String`, so messages read the same as for any other string.
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&crate::t!("err-json-kind-string"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        Ok(Text(text(value)))
    }
}

pub(super) fn shared(text: Option<Text>) -> Option<Shared> {
    text.map(|t| t.0)
}

/// The `tags` list, shared with every credential that has the same one.
pub(super) struct Tags(pub Arc<[Shared]>);

impl Default for Tags {
    fn default() -> Self {
        Self(tags(Vec::new()))
    }
}

impl<'de> Deserialize<'de> for Tags {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let list = Vec::<Text>::deserialize(deserializer)?;
        Ok(Self(tags(list.into_iter().map(|t| t.0).collect())))
    }
}

/// The `device` object, shared with every credential on the same device.
pub(super) struct SharedDevice(pub Arc<Device>);

impl Default for SharedDevice {
    fn default() -> Self {
        Self(device(Device::default()))
    }
}

impl<'de> Deserialize<'de> for SharedDevice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawDevice {
            #[serde(default)]
            hostname: Option<Text>,
            #[serde(default)]
            ip: Option<Text>,
            #[serde(rename = "type", default)]
            kind: Option<Text>,
            #[serde(default)]
            vendor: Option<Text>,
            #[serde(default)]
            site: Option<Text>,
            #[serde(default)]
            port: Option<Port>,
        }
        let raw = RawDevice::deserialize(deserializer)?;
        Ok(Self(device(Device {
            hostname: shared(raw.hostname),
            ip: shared(raw.ip),
            kind: shared(raw.kind),
            vendor: shared(raw.vendor),
            site: shared(raw.site),
            port: raw.port.map(|p| p.0),
        })))
    }
}

/// `device.port`: a whole number from 1 to 65535, checked at the value so errors point at it.
struct Port(u16);

impl<'de> Deserialize<'de> for Port {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_u64(PortVisitor)
    }
}

struct PortVisitor;

fn port_range() -> String {
    crate::t!("err-vault-port-range")
}

impl Visitor<'_> for PortVisitor {
    type Value = Port;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&crate::t!("err-vault-expect-port"))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Port, E> {
        match u16::try_from(value) {
            Ok(port) if port > 0 => Ok(Port(port)),
            _ => Err(E::custom(port_range())),
        }
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Port, E> {
        Err(E::custom(port_range()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Port, E> {
        Err(E::custom(port_range()))
    }

    // A quoted port ("22") is refused without echoing the text: it could be a misplaced secret.
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Port, E> {
        Err(E::custom(port_range()))
    }
}
