// The bench injects floor-content.js from here (chrome.scripting), as Goalpost's background injects its picker.
