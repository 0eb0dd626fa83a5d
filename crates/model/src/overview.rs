//! `GET /api/me/overview`: what the overview page shows at a glance, in one answer. The page
//! asked five endpoints for it before (profile, visibility, newsletter, academy, who looked
//! last); the server builds this from the same domain functions those endpoints use.

use serde::{Deserialize, Serialize};

use crate::academy::AcademyPage;
use crate::newsletter::Subscription;
use crate::{Disclosure, Profile, Visibility};

/// The overview's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    /// The profile (empty when none was saved).
    pub profile: Profile,
    /// Who may see it.
    pub visibility: Visibility,
    /// Where the newsletter consent stands.
    pub newsletter: Subscription,
    /// The academy registration and enrolments.
    pub academy: AcademyPage,
    /// The newest entry of who saw the profile, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_look: Option<Disclosure>,
}
